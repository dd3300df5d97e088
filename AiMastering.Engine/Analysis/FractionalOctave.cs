namespace AiMastering.Engine.Analysis;

/// <summary>Fractional-octave band integration of a one-sided power spectrum (bins of width binHz).</summary>
internal static class FractionalOctave
{
    /// <summary>Centre frequencies 1000 * 2^(n / bandsPerOctave) from about 20 Hz to 20 kHz, below Nyquist.</summary>
    public static double[] Centers(int bandsPerOctave, int sampleRate)
    {
        var list = new List<double>();
        var nyquist = sampleRate / 2.0;
        for (var n = -10 * bandsPerOctave; n <= 5 * bandsPerOctave; n++)
        {
            var fc = 1000 * Math.Pow(2, n / (double)bandsPerOctave);
            var high = fc * Math.Pow(2, 0.5 / bandsPerOctave);
            if (fc >= 19.5 && fc <= 20600 && high <= nyquist)
            {
                list.Add(fc);
            }
        }

        return [.. list];
    }

    public static double BandPower(double[] power, double binHz, double lowHz, double highHz)
    {
        // Bin k covers [(k - 0.5) binHz, (k + 0.5) binHz); a bin partly inside the band counts in proportion.
        double sum = 0;
        var first = Math.Max(0, (int)Math.Floor((lowHz / binHz) - 0.5));
        var last = Math.Min(power.Length - 1, (int)Math.Ceiling((highHz / binHz) + 0.5));
        for (var k = first; k <= last; k++)
        {
            var a = Math.Max(lowHz, (k - 0.5) * binHz);
            var b = Math.Min(highHz, (k + 0.5) * binHz);
            if (b > a)
            {
                sum += power[k] * (b - a) / binHz;
            }
        }

        return sum;
    }

    public static double[] BandPowers(double[] power, double binHz, double[] centers, int bandsPerOctave)
    {
        var half = Math.Pow(2, 0.5 / bandsPerOctave);
        return centers.Select(fc => BandPower(power, binHz, fc / half, fc * half)).ToArray();
    }
}
