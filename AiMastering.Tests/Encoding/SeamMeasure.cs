namespace AiMastering.Tests.Encoding;

/// <summary>Error of a decoded preview against the master in a window (e.g. ±50 ms around a join).</summary>
internal static class SeamMeasure
{
    public static int Window(int sampleRate) => sampleRate / 20; // 50 ms

    public static double RmsError(float[] reference, float[] decoded, int center, int halfWidth)
    {
        var (from, to) = Range(reference, center, halfWidth);
        double sum = 0;
        for (var i = from; i < to; i++)
        {
            var d = (double)decoded[i] - reference[i];
            sum += d * d;
        }

        return Math.Sqrt(sum / (to - from));
    }

    public static double MaxError(float[] reference, float[] decoded, int center, int halfWidth)
    {
        var (from, to) = Range(reference, center, halfWidth);
        double max = 0;
        for (var i = from; i < to; i++)
        {
            max = Math.Max(max, Math.Abs((double)decoded[i] - reference[i]));
        }

        return max;
    }

    private static (int From, int To) Range(float[] reference, int center, int halfWidth) =>
        (Math.Max(0, center - halfWidth), Math.Min(reference.Length, center + halfWidth));
}
