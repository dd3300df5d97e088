namespace AiMastering.UnitTests.Processing;

/// <summary>
/// Independent reference true-peak meter for the tests: 16× oversampling by direct evaluation of
/// a Blackman-Harris-windowed sinc with 64 taps on each side, in double precision.
/// </summary>
internal static class ReferenceTruePeak
{
    private const int Factor = 16;
    private const int Half = 64;
    private static readonly double[][] Kernels = BuildKernels();

    /// <summary>Largest reconstructed magnitude over all channels, linear.</summary>
    public static double Linear(float[][] channels)
    {
        double max = 0;
        foreach (var x in channels)
        {
            max = Math.Max(max, Linear(x));
        }

        return max;
    }

    public static double Linear(float[] x)
    {
        double max = 0;
        for (var n = 0; n < x.Length; n++)
        {
            max = Math.Max(max, Math.Abs(x[n]));
        }

        // Inter-sample points can only exceed the largest sample value near large samples;
        // skip stretches that are far below the running maximum to keep the test quick.
        for (var n = 0; n < x.Length - 1; n++)
        {
            var local = Math.Max(Math.Abs(x[n]), Math.Abs(x[n + 1]));
            if (local < max * 0.25)
            {
                continue;
            }

            for (var p = 1; p < Factor; p++)
            {
                var kernel = Kernels[p];
                double acc = 0;
                for (var k = -Half + 1; k <= Half; k++)
                {
                    var i = n + k;
                    if (i >= 0 && i < x.Length)
                    {
                        acc += x[i] * kernel[k + Half - 1];
                    }
                }

                max = Math.Max(max, Math.Abs(acc));
            }
        }

        return max;
    }

    public static double Db(float[][] channels) => 20 * Math.Log10(Linear(channels));

    private static double[][] BuildKernels()
    {
        var kernels = new double[Factor][];
        for (var p = 0; p < Factor; p++)
        {
            var frac = (double)p / Factor;
            var kernel = new double[2 * Half];
            for (var k = -Half + 1; k <= Half; k++)
            {
                var t = k - frac;
                var sinc = t == 0 ? 1 : Math.Sin(Math.PI * t) / (Math.PI * t);
                var u = (t + Half) / (2.0 * Half); // 0..1 across the span
                var w = 0.35875 - (0.48829 * Math.Cos(2 * Math.PI * u)) + (0.14128 * Math.Cos(4 * Math.PI * u)) - (0.01168 * Math.Cos(6 * Math.PI * u));
                kernel[k + Half - 1] = sinc * w;
            }

            kernels[p] = kernel;
        }

        return kernels;
    }
}
