using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AiMastering.Engine.Processing;

/// <summary>
/// y[i] = Σₖ taps[k]·x[i + k]: a FIR filter over a block, register-blocked like <see cref="FirPeakKernel"/> (two
/// accumulators per tap, taps broadcast once per pair of output vectors) with Vector512, else Vector256, else scalar.
/// Allocation-free.
/// </summary>
internal static class FirKernel
{
    public static void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> taps, Span<float> y)
    {
        var n = y.Length;
        if (x.Length < n + taps.Length - 1)
        {
            throw new ArgumentException("x must hold y.Length + taps.Length - 1 samples.", nameof(x));
        }

        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ts = ref MemoryMarshal.GetReference(taps);
        ref var ys = ref MemoryMarshal.GetReference(y);
        var t = taps.Length;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            i = Wide512(ref xs, ref ts, ref ys, n, t);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            i = Wide256(ref xs, ref ts, ref ys, n, t);
        }

        for (; i < n; i++)
        {
            var sum = 0f;
            for (var k = 0; k < t; k++)
            {
                sum += Unsafe.Add(ref ts, k) * Unsafe.Add(ref xs, i + k);
            }

            Unsafe.Add(ref ys, i) = sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Wide512(ref float xs, ref float ts, ref float ys, int n, int t)
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

            a0.StoreUnsafe(ref ys, (nuint)i);
            a1.StoreUnsafe(ref ys, (nuint)(i + w));
        }

        for (; i + w <= n; i += w)
        {
            var a0 = Vector512<float>.Zero;
            for (var k = 0; k < t; k++)
            {
                a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xs, (nuint)(i + k)), Vector512.Create(Unsafe.Add(ref ts, k)), a0);
            }

            a0.StoreUnsafe(ref ys, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Wide256(ref float xs, ref float ts, ref float ys, int n, int t)
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

            a0.StoreUnsafe(ref ys, (nuint)i);
            a1.StoreUnsafe(ref ys, (nuint)(i + w));
        }

        for (; i + w <= n; i += w)
        {
            var a0 = Vector256<float>.Zero;
            for (var k = 0; k < t; k++)
            {
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xs, (nuint)(i + k)), Vector256.Create(Unsafe.Add(ref ts, k)), a0);
            }

            a0.StoreUnsafe(ref ys, (nuint)i);
        }

        return i;
    }
}
