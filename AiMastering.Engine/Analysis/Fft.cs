namespace AiMastering.Engine.Analysis;

/// <summary>In-place iterative radix-2 complex FFT of a fixed power-of-two size, twiddles precomputed.</summary>
internal sealed class Fft
{
    private readonly int size;
    private readonly int[] bitReverse;
    private readonly float[] cos;
    private readonly float[] sin;

    public Fft(int size)
    {
        if (size < 2 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), "FFT size must be a power of two.");
        }

        this.size = size;
        var bits = System.Numerics.BitOperations.Log2((uint)size);
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

        cos = new float[size / 2];
        sin = new float[size / 2];
        for (var i = 0; i < size / 2; i++)
        {
            cos[i] = (float)Math.Cos(-2 * Math.PI * i / size);
            sin[i] = (float)Math.Sin(-2 * Math.PI * i / size);
        }
    }

    public int Size => size;

    /// <summary>Forward transform X[k] = sum x[n] e^(-2 pi i k n / N), in place.</summary>
    public void Forward(Span<float> re, Span<float> im)
    {
        for (var i = 0; i < size; i++)
        {
            var j = bitReverse[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (var half = 1; half < size; half <<= 1)
        {
            var step = size / (2 * half);
            for (var start = 0; start < size; start += 2 * half)
            {
                for (var k = 0; k < half; k++)
                {
                    var wr = cos[k * step];
                    var wi = sin[k * step];
                    var a = start + k;
                    var b = a + half;
                    var tr = (re[b] * wr) - (im[b] * wi);
                    var ti = (re[b] * wi) + (im[b] * wr);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
