using System.Numerics;

namespace AiMastering.Engine.Matching;

/// <summary>
/// In-place radix-2 complex FFT on split real/imaginary float arrays, twiddles precomputed per stage
/// (entries [half, 2·half) of the tables belong to the stage of butterfly span <c>half</c>), butterflies
/// vectorised with <see cref="Vector{T}"/> once a stage is wide enough. The inverse is the forward
/// transform with real and imaginary parts swapped (unnormalised). Allocates nothing after construction.
/// </summary>
internal sealed class SplitComplexFft
{
    private readonly int[] bitReverse;
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
        bitReverse = new int[size];
        for (var i = 0; i < size; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            bitReverse[i] = r;
        }

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
        for (var i = 0; i < n; i++)
        {
            var j = bitReverse[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        var width = Vector<float>.Count;
        for (var half = 1; half < n; half <<= 1)
        {
            var wr = twiddleRe.AsSpan(half, half);
            var wi = twiddleIm.AsSpan(half, half);
            for (var start = 0; start < n; start += 2 * half)
            {
                var aRe = re.Slice(start, half);
                var aIm = im.Slice(start, half);
                var bRe = re.Slice(start + half, half);
                var bIm = im.Slice(start + half, half);
                var k = 0;
                if (half >= width)
                {
                    for (; k <= half - width; k += width)
                    {
                        var twr = new Vector<float>(wr[k..]);
                        var twi = new Vector<float>(wi[k..]);
                        var br = new Vector<float>(bRe[k..]);
                        var bi = new Vector<float>(bIm[k..]);
                        var ar = new Vector<float>(aRe[k..]);
                        var ai = new Vector<float>(aIm[k..]);
                        var tr = (br * twr) - (bi * twi);
                        var ti = (br * twi) + (bi * twr);
                        (ar - tr).CopyTo(bRe[k..]);
                        (ai - ti).CopyTo(bIm[k..]);
                        (ar + tr).CopyTo(aRe[k..]);
                        (ai + ti).CopyTo(aIm[k..]);
                    }
                }

                for (; k < half; k++)
                {
                    var tr = (bRe[k] * wr[k]) - (bIm[k] * wi[k]);
                    var ti = (bRe[k] * wi[k]) + (bIm[k] * wr[k]);
                    bRe[k] = aRe[k] - tr;
                    bIm[k] = aIm[k] - ti;
                    aRe[k] += tr;
                    aIm[k] += ti;
                }
            }
        }
    }

    /// <summary>Unnormalised inverse: x[n]·N = Σ X[k]·e^(+2πikn/N), in place.</summary>
    public void Inverse(Span<float> re, Span<float> im) => Forward(im, re);
}
