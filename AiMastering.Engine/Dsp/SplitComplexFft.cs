using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AiMastering.Engine.Dsp;

/// <summary>
/// In-place radix-2 decimation-in-time complex FFT on split real/imaginary float arrays. The bit-reversal
/// permutation is a precomputed list of swaps; the first two stages run as one radix-4 pass (twiddles 1 and −i);
/// every later stage is vectorised — 4 lanes for butterfly span 4, 8 for span 8, 16 (AVX-512) or 8 from span 16 —
/// with twiddles precomputed per stage (entries [half, 2·half) of the tables belong to the stage of span
/// <c>half</c>). The inverse is the forward transform with real and imaginary parts swapped (unnormalised).
/// Allocates nothing after construction.
/// </summary>
internal sealed class SplitComplexFft
{
    private readonly int[] swaps;
    private readonly float[] twiddleRe;
    private readonly float[] twiddleIm;

    public SplitComplexFft(int size)
    {
        if (size < 2 || !BitOperations.IsPow2(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), "FFT size must be a power of two.");
        }

        Size = size;
        var bits = BitOperations.Log2((uint)size);
        var pairs = new List<int>();
        for (var i = 0; i < size; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            if (r > i)
            {
                pairs.Add(i);
                pairs.Add(r);
            }
        }

        swaps = [.. pairs];
        twiddleRe = new float[size];
        twiddleIm = new float[size];
        for (var half = 1; half < size; half <<= 1)
        {
            for (var k = 0; k < half; k++)
            {
                twiddleRe[half + k] = (float)Math.Cos(-Math.PI * k / half);
                twiddleIm[half + k] = (float)Math.Sin(-Math.PI * k / half);
            }
        }
    }

    public int Size { get; }

    /// <summary>X[k] = Σ x[n]·e^(−2πikn/N), in place.</summary>
    public void Forward(Span<float> re, Span<float> im)
    {
        var n = Size;
        if (re.Length < n || im.Length < n)
        {
            throw new ArgumentException($"The FFT needs {n} values in each part.");
        }

        ref var r = ref MemoryMarshal.GetReference(re);
        ref var i = ref MemoryMarshal.GetReference(im);
        Permute(ref r, ref i);
        var half = 1;
        if (n >= 4)
        {
            FirstTwoStages(ref r, ref i, n);
            half = 4;
        }

        for (; half < n; half <<= 1)
        {
            if (half >= Vector512<float>.Count && Vector512.IsHardwareAccelerated)
            {
                Stage512(ref r, ref i, half);
            }
            else if (half >= Vector256<float>.Count && Vector256.IsHardwareAccelerated)
            {
                Stage256(ref r, ref i, half);
            }
            else if (half >= Vector128<float>.Count && Vector128.IsHardwareAccelerated)
            {
                Stage128(ref r, ref i, half);
            }
            else
            {
                StageScalar(ref r, ref i, half);
            }
        }
    }

    /// <summary>Unnormalised inverse: x[n]·N = Σ X[k]·e^(+2πikn/N), in place.</summary>
    public void Inverse(Span<float> re, Span<float> im) => Forward(im, re);

    private void Permute(ref float re, ref float im)
    {
        var s = swaps;
        for (var p = 0; p < s.Length; p += 2)
        {
            var a = s[p];
            var b = s[p + 1];
            (Unsafe.Add(ref re, a), Unsafe.Add(ref re, b)) = (Unsafe.Add(ref re, b), Unsafe.Add(ref re, a));
            (Unsafe.Add(ref im, a), Unsafe.Add(ref im, b)) = (Unsafe.Add(ref im, b), Unsafe.Add(ref im, a));
        }
    }

    // Spans 1 and 2 in one pass over groups of four: twiddle 1 for the first, 1 and −i for the second.
    private static void FirstTwoStages(ref float re, ref float im, int n)
    {
        for (var g = 0; g < n; g += 4)
        {
            ref var r0 = ref Unsafe.Add(ref re, g);
            ref var i0 = ref Unsafe.Add(ref im, g);
            float x0r = r0, x0i = i0;
            float x1r = Unsafe.Add(ref r0, 1), x1i = Unsafe.Add(ref i0, 1);
            float x2r = Unsafe.Add(ref r0, 2), x2i = Unsafe.Add(ref i0, 2);
            float x3r = Unsafe.Add(ref r0, 3), x3i = Unsafe.Add(ref i0, 3);
            float a0r = x0r + x1r, a0i = x0i + x1i, a1r = x0r - x1r, a1i = x0i - x1i;
            float a2r = x2r + x3r, a2i = x2i + x3i, a3r = x2r - x3r, a3i = x2i - x3i;
            r0 = a0r + a2r;
            i0 = a0i + a2i;
            Unsafe.Add(ref r0, 2) = a0r - a2r;
            Unsafe.Add(ref i0, 2) = a0i - a2i;

            // a3·(−i) = (a3i, −a3r)
            Unsafe.Add(ref r0, 1) = a1r + a3i;
            Unsafe.Add(ref i0, 1) = a1i - a3r;
            Unsafe.Add(ref r0, 3) = a1r - a3i;
            Unsafe.Add(ref i0, 3) = a1i + a3r;
        }
    }

    private void Stage512(ref float re, ref float im, int half)
    {
        ref var wr = ref MemoryMarshal.GetArrayDataReference(twiddleRe);
        ref var wi = ref MemoryMarshal.GetArrayDataReference(twiddleIm);
        var width = Vector512<float>.Count;
        for (var start = 0; start < Size; start += 2 * half)
        {
            for (var k = 0; k < half; k += width)
            {
                var twr = Vector512.LoadUnsafe(ref wr, (nuint)(half + k));
                var twi = Vector512.LoadUnsafe(ref wi, (nuint)(half + k));
                var a = (nuint)(start + k);
                var b = a + (nuint)half;
                var br = Vector512.LoadUnsafe(ref re, b);
                var bi = Vector512.LoadUnsafe(ref im, b);
                var ar = Vector512.LoadUnsafe(ref re, a);
                var ai = Vector512.LoadUnsafe(ref im, a);
                var tr = (br * twr) - (bi * twi);
                var ti = (br * twi) + (bi * twr);
                (ar - tr).StoreUnsafe(ref re, b);
                (ai - ti).StoreUnsafe(ref im, b);
                (ar + tr).StoreUnsafe(ref re, a);
                (ai + ti).StoreUnsafe(ref im, a);
            }
        }
    }

    private void Stage256(ref float re, ref float im, int half)
    {
        ref var wr = ref MemoryMarshal.GetArrayDataReference(twiddleRe);
        ref var wi = ref MemoryMarshal.GetArrayDataReference(twiddleIm);
        var width = Vector256<float>.Count;
        for (var start = 0; start < Size; start += 2 * half)
        {
            for (var k = 0; k < half; k += width)
            {
                var twr = Vector256.LoadUnsafe(ref wr, (nuint)(half + k));
                var twi = Vector256.LoadUnsafe(ref wi, (nuint)(half + k));
                var a = (nuint)(start + k);
                var b = a + (nuint)half;
                var br = Vector256.LoadUnsafe(ref re, b);
                var bi = Vector256.LoadUnsafe(ref im, b);
                var ar = Vector256.LoadUnsafe(ref re, a);
                var ai = Vector256.LoadUnsafe(ref im, a);
                var tr = (br * twr) - (bi * twi);
                var ti = (br * twi) + (bi * twr);
                (ar - tr).StoreUnsafe(ref re, b);
                (ai - ti).StoreUnsafe(ref im, b);
                (ar + tr).StoreUnsafe(ref re, a);
                (ai + ti).StoreUnsafe(ref im, a);
            }
        }
    }

    private void Stage128(ref float re, ref float im, int half)
    {
        ref var wr = ref MemoryMarshal.GetArrayDataReference(twiddleRe);
        ref var wi = ref MemoryMarshal.GetArrayDataReference(twiddleIm);
        var width = Vector128<float>.Count;
        for (var start = 0; start < Size; start += 2 * half)
        {
            for (var k = 0; k < half; k += width)
            {
                var twr = Vector128.LoadUnsafe(ref wr, (nuint)(half + k));
                var twi = Vector128.LoadUnsafe(ref wi, (nuint)(half + k));
                var a = (nuint)(start + k);
                var b = a + (nuint)half;
                var br = Vector128.LoadUnsafe(ref re, b);
                var bi = Vector128.LoadUnsafe(ref im, b);
                var ar = Vector128.LoadUnsafe(ref re, a);
                var ai = Vector128.LoadUnsafe(ref im, a);
                var tr = (br * twr) - (bi * twi);
                var ti = (br * twi) + (bi * twr);
                (ar - tr).StoreUnsafe(ref re, b);
                (ai - ti).StoreUnsafe(ref im, b);
                (ar + tr).StoreUnsafe(ref re, a);
                (ai + ti).StoreUnsafe(ref im, a);
            }
        }
    }

    private void StageScalar(ref float re, ref float im, int half)
    {
        for (var start = 0; start < Size; start += 2 * half)
        {
            for (var k = 0; k < half; k++)
            {
                float wr = twiddleRe[half + k], wi = twiddleIm[half + k];
                ref var ar = ref Unsafe.Add(ref re, start + k);
                ref var ai = ref Unsafe.Add(ref im, start + k);
                ref var br = ref Unsafe.Add(ref re, start + k + half);
                ref var bi = ref Unsafe.Add(ref im, start + k + half);
                var tr = (br * wr) - (bi * wi);
                var ti = (br * wi) + (bi * wr);
                br = ar - tr;
                bi = ai - ti;
                ar += tr;
                ai += ti;
            }
        }
    }
}
