namespace AiMastering.Testing;

public static class CrossCorrelation
{
    /// <summary>Lag (output behind input, in samples) of the largest cross-correlation within ±maxLag.</summary>
    public static int PeakLag(float[] input, float[] output, int maxLag)
    {
        var best = double.NegativeInfinity;
        var bestLag = 0;
        for (var lag = -maxLag; lag <= maxLag; lag++)
        {
            double sum = 0;
            for (var n = Math.Max(0, -lag); n < input.Length && n + lag < output.Length; n++)
            {
                sum += input[n] * output[n + lag];
            }

            if (sum > best)
            {
                best = sum;
                bestLag = lag;
            }
        }

        return bestLag;
    }
}
