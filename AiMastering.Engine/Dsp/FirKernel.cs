using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AiMastering.Engine.Dsp;

/// <summary>
/// FIR over a block, Σₖ taps[k]·x[i + k], register-blocked (four independent accumulators, each tap broadcast once
/// per four output vectors; then two, then one for the rest) with Vector512, else Vector256, else scalar: one
/// TensorPrimitives.MultiplyAdd per tap would store and reload the accumulator for every tap, and four independent
/// chains hide the FMA latency (measured figures: docs/benchmarks-mastering.md, "Engine kernels"). Two outputs:
/// <see cref="Apply"/> writes the filtered block; <see cref="AccumulatePeak"/> folds |y| into a running peak (one
/// phase of a polyphase interpolator, for true-peak detection). Allocation-free; the output policy is a struct
/// type argument, so each entry point compiles to its own loop.
/// </summary>
internal static class FirKernel
{
    /// <summary>y[i] = Σₖ taps[k]·x[i + k].</summary>
    public static void Apply(ReadOnlySpan<float> x, ReadOnlySpan<float> taps, Span<float> y) => Run<Write>(x, taps, y);

    /// <summary>peaks[i] = max(peaks[i], |Σₖ taps[k]·x[i + k]|).</summary>
    public static void AccumulatePeak(ReadOnlySpan<float> x, ReadOnlySpan<float> taps, Span<float> peaks) => Run<Peak>(x, taps, peaks);

    private interface IOutput
    {
        static abstract void Store(Vector512<float> sum, ref float at);

        static abstract void Store(Vector256<float> sum, ref float at);

        static abstract void Store(float sum, ref float at);
    }

    private static void Run<TOutput>(ReadOnlySpan<float> x, ReadOnlySpan<float> taps, Span<float> output)
        where TOutput : struct, IOutput
    {
        var n = output.Length;
        if (x.Length < n + taps.Length - 1)
        {
            throw new ArgumentException("x must hold output.Length + taps.Length - 1 samples.", nameof(x));
        }

        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ts = ref MemoryMarshal.GetReference(taps);
        ref var os = ref MemoryMarshal.GetReference(output);
        var t = taps.Length;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            i = Wide512<TOutput>(ref xs, ref ts, ref os, n, t);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            i = Wide256<TOutput>(ref xs, ref ts, ref os, n, t);
        }

        for (; i < n; i++)
        {
            var sum = 0f;
            for (var k = 0; k < t; k++)
            {
                sum += Unsafe.Add(ref ts, k) * Unsafe.Add(ref xs, i + k);
            }

            TOutput.Store(sum, ref Unsafe.Add(ref os, i));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Wide512<TOutput>(ref float xs, ref float ts, ref float os, int n, int t)
        where TOutput : struct, IOutput
    {
        var w = Vector512<float>.Count;
        var i = 0;
        for (; i + (4 * w) <= n; i += 4 * w)
        {
            var a0 = Vector512<float>.Zero;
            var a1 = Vector512<float>.Zero;
            var a2 = Vector512<float>.Zero;
            var a3 = Vector512<float>.Zero;
            for (var k = 0; k < t; k++)
            {
                var tap = Vector512.Create(Unsafe.Add(ref ts, k));
                a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xs, (nuint)(i + k)), tap, a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xs, (nuint)(i + w + k)), tap, a1);
                a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xs, (nuint)(i + (2 * w) + k)), tap, a2);
                a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xs, (nuint)(i + (3 * w) + k)), tap, a3);
            }

            TOutput.Store(a0, ref Unsafe.Add(ref os, i));
            TOutput.Store(a1, ref Unsafe.Add(ref os, i + w));
            TOutput.Store(a2, ref Unsafe.Add(ref os, i + (2 * w)));
            TOutput.Store(a3, ref Unsafe.Add(ref os, i + (3 * w)));
        }

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

            TOutput.Store(a0, ref Unsafe.Add(ref os, i));
            TOutput.Store(a1, ref Unsafe.Add(ref os, i + w));
        }

        for (; i + w <= n; i += w)
        {
            var a0 = Vector512<float>.Zero;
            for (var k = 0; k < t; k++)
            {
                a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xs, (nuint)(i + k)), Vector512.Create(Unsafe.Add(ref ts, k)), a0);
            }

            TOutput.Store(a0, ref Unsafe.Add(ref os, i));
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Wide256<TOutput>(ref float xs, ref float ts, ref float os, int n, int t)
        where TOutput : struct, IOutput
    {
        var w = Vector256<float>.Count;
        var i = 0;
        for (; i + (4 * w) <= n; i += 4 * w)
        {
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            var a2 = Vector256<float>.Zero;
            var a3 = Vector256<float>.Zero;
            for (var k = 0; k < t; k++)
            {
                var tap = Vector256.Create(Unsafe.Add(ref ts, k));
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xs, (nuint)(i + k)), tap, a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xs, (nuint)(i + w + k)), tap, a1);
                a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xs, (nuint)(i + (2 * w) + k)), tap, a2);
                a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xs, (nuint)(i + (3 * w) + k)), tap, a3);
            }

            TOutput.Store(a0, ref Unsafe.Add(ref os, i));
            TOutput.Store(a1, ref Unsafe.Add(ref os, i + w));
            TOutput.Store(a2, ref Unsafe.Add(ref os, i + (2 * w)));
            TOutput.Store(a3, ref Unsafe.Add(ref os, i + (3 * w)));
        }

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

            TOutput.Store(a0, ref Unsafe.Add(ref os, i));
            TOutput.Store(a1, ref Unsafe.Add(ref os, i + w));
        }

        for (; i + w <= n; i += w)
        {
            var a0 = Vector256<float>.Zero;
            for (var k = 0; k < t; k++)
            {
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xs, (nuint)(i + k)), Vector256.Create(Unsafe.Add(ref ts, k)), a0);
            }

            TOutput.Store(a0, ref Unsafe.Add(ref os, i));
        }

        return i;
    }

    private readonly struct Write : IOutput
    {
        public static void Store(Vector512<float> sum, ref float at) => sum.StoreUnsafe(ref at);

        public static void Store(Vector256<float> sum, ref float at) => sum.StoreUnsafe(ref at);

        public static void Store(float sum, ref float at) => at = sum;
    }

    private readonly struct Peak : IOutput
    {
        public static void Store(Vector512<float> sum, ref float at) => Vector512.Max(Vector512.LoadUnsafe(ref at), Vector512.Abs(sum)).StoreUnsafe(ref at);

        public static void Store(Vector256<float> sum, ref float at) => Vector256.Max(Vector256.LoadUnsafe(ref at), Vector256.Abs(sum)).StoreUnsafe(ref at);

        public static void Store(float sum, ref float at) => at = Math.Max(at, Math.Abs(sum));
    }
}
