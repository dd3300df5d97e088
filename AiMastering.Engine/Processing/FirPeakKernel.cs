using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AiMastering.Engine.Processing;

/// <summary>
/// peaks[i] = max(peaks[i], |Σₖ taps[k]·x[i + k]|): one phase of a polyphase interpolator, folded into a running
/// peak. Register-blocked (two accumulators per tap, taps broadcast once per pair of output vectors) with
/// Vector512, else Vector256, else scalar — about five times the throughput of one TensorPrimitives.MultiplyAdd
/// per tap, which stores and reloads the accumulator for every tap. Allocation-free.
/// </summary>
internal static class FirPeakKernel
{
    public static void Accumulate(ReadOnlySpan<float> x, ReadOnlySpan<float> taps, Span<float> peaks)
    {
        var n = peaks.Length;
        if (x.Length < n + taps.Length - 1)
        {
            throw new ArgumentException("x must hold peaks.Length + taps.Length - 1 samples.", nameof(x));
        }

        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ts = ref MemoryMarshal.GetReference(taps);
        ref var ps = ref MemoryMarshal.GetReference(peaks);
        var t = taps.Length;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            i = Wide512(ref xs, ref ts, ref ps, n, t);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            i = Wide256(ref xs, ref ts, ref ps, n, t);
        }

        for (; i < n; i++)
        {
            var sum = 0f;
            for (var k = 0; k < t; k++)
            {
                sum += Unsafe.Add(ref ts, k) * Unsafe.Add(ref xs, i + k);
            }

            ref var p = ref Unsafe.Add(ref ps, i);
            p = Math.Max(p, Math.Abs(sum));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Wide512(ref float xs, ref float ts, ref float ps, int n, int t)
    {
        var w = Vector512<float>.Count;
        var i = 0;
        for (; i + (2 * w) <= n; i += 2 * w)
        {
            var a0 = Vector512<float>.Zero;
            var a1 = Vector512<float>.Zero;
            for (var k = 0; k < t; k++)
            {
                var tap = Vector512.Create(Unsafe.Add(ref ts, k));
                a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xs, (nuint)(i + k)), tap, a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xs, (nuint)(i + w + k)), tap, a1);
            }

            Vector512.Max(Vector512.LoadUnsafe(ref ps, (nuint)i), Vector512.Abs(a0)).StoreUnsafe(ref ps, (nuint)i);
            Vector512.Max(Vector512.LoadUnsafe(ref ps, (nuint)(i + w)), Vector512.Abs(a1)).StoreUnsafe(ref ps, (nuint)(i + w));
        }

        for (; i + w <= n; i += w)
        {
            var a0 = Vector512<float>.Zero;
            for (var k = 0; k < t; k++)
            {
                a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xs, (nuint)(i + k)), Vector512.Create(Unsafe.Add(ref ts, k)), a0);
            }

            Vector512.Max(Vector512.LoadUnsafe(ref ps, (nuint)i), Vector512.Abs(a0)).StoreUnsafe(ref ps, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Wide256(ref float xs, ref float ts, ref float ps, int n, int t)
    {
        var w = Vector256<float>.Count;
        var i = 0;
        for (; i + (2 * w) <= n; i += 2 * w)
        {
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            for (var k = 0; k < t; k++)
            {
                var tap = Vector256.Create(Unsafe.Add(ref ts, k));
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xs, (nuint)(i + k)), tap, a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xs, (nuint)(i + w + k)), tap, a1);
            }

            Vector256.Max(Vector256.LoadUnsafe(ref ps, (nuint)i), Vector256.Abs(a0)).StoreUnsafe(ref ps, (nuint)i);
            Vector256.Max(Vector256.LoadUnsafe(ref ps, (nuint)(i + w)), Vector256.Abs(a1)).StoreUnsafe(ref ps, (nuint)(i + w));
        }

        for (; i + w <= n; i += w)
        {
            var a0 = Vector256<float>.Zero;
            for (var k = 0; k < t; k++)
            {
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xs, (nuint)(i + k)), Vector256.Create(Unsafe.Add(ref ts, k)), a0);
            }

            Vector256.Max(Vector256.LoadUnsafe(ref ps, (nuint)i), Vector256.Abs(a0)).StoreUnsafe(ref ps, (nuint)i);
        }

        return i;
    }
}
