namespace AiMastering.Testing;

/// <summary>
/// A plain double-precision radix-2 FFT (interleaved complex), kept apart from the matcher's float FFT so
/// the evaluation measures with code the matcher does not use.
/// </summary>
internal sealed class DoubleFft
{
    private readonly int size;
    private readonly double[] cos;
    private readonly double[] sin;

    public DoubleFft(int size)
    {
        if (size < 2 || !System.Numerics.BitOperations.IsPow2(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), "FFT size must be a power of two.");
        }

        this.size = size;
        cos = [.. Enumerable.Range(0, size / 2).Select(i => Math.Cos(2 * Math.PI * i / size))];
        sin = [.. Enumerable.Range(0, size / 2).Select(i => -Math.Sin(2 * Math.PI * i / size))];
    }

    /// <summary>In-place forward transform of data = [re0, im0, re1, im1, …].</summary>
    public void Forward(double[] data)
    {
        var n = size;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (data[2 * i], data[2 * j]) = (data[2 * j], data[2 * i]);
                (data[(2 * i) + 1], data[(2 * j) + 1]) = (data[(2 * j) + 1], data[(2 * i) + 1]);
            }
        }

        for (var length = 2; length <= n; length <<= 1)
        {
            var stride = n / length;
            for (var start = 0; start < n; start += length)
            {
                for (var k = 0; k < length / 2; k++)
                {
                    double wr = cos[k * stride], wi = sin[k * stride];
                    var a = 2 * (start + k);
                    var b = 2 * (start + k + (length / 2));
                    var tr = (data[b] * wr) - (data[b + 1] * wi);
                    var ti = (data[b] * wi) + (data[b + 1] * wr);
                    data[b] = data[a] - tr;
                    data[b + 1] = data[a + 1] - ti;
                    data[a] += tr;
                    data[a + 1] += ti;
                }
            }
        }
    }
}
