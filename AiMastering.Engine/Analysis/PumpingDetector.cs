namespace AiMastering.Engine.Analysis;

/// <summary>
/// Sidechain pumping: the whole mix ducks and recovers at a beat-related rate. Heuristic on the K-weighted
/// level envelope (10 ms steps, 50 ms smoothing): find the strongest envelope periodicity between 0.2 s
/// and 1.5 s (40-300 BPM) by autocorrelation, fold each 8 s segment at that period, and measure how far
/// the average cycle dips below its median (ducking is a long dip; a drum hit is a short peak above the
/// median). Pumping = periodicity above 0.4 and a dip of at least 4 dB in most loud segments.
/// </summary>
internal static class PumpingDetector
{
    private const int MinLag = 20;
    private const int MaxLag = 150;
    private const int Segment = 800;
    public const double DipThresholdDb = 4.0;

    public sealed record Result(double Periodicity, double PeriodSeconds, double DipDb, TimeRange[] Times, bool Flagged);

    public static Result Detect(double[] envelopeDb, double loudGateDb)
    {
        var n = envelopeDb.Length;
        if (n < 4 * MaxLag)
        {
            return new Result(0, 0, 0, [], false);
        }

        var smooth = MovingAverage(envelopeDb, 5);
        var trend = MovingAverage(smooth, 100);
        var detrended = new double[n];
        for (var i = 0; i < n; i++)
        {
            detrended[i] = smooth[i] > loudGateDb ? smooth[i] - trend[i] : 0;
        }

        var (lag, periodicity) = BestLag(detrended);
        var dips = new List<(double Start, double End)>();
        var dipValues = new List<double>();
        var loudSegments = 0;
        for (var s = 0; s + Segment <= n; s += Segment)
        {
            if (smooth.AsSpan(s, Segment).ToArray().Average() < loudGateDb)
            {
                continue;
            }

            loudSegments++;
            var dip = CycleDip(detrended.AsSpan(s, Segment), lag);
            dipValues.Add(dip);
            if (dip >= DipThresholdDb)
            {
                dips.Add((s / 100.0, (s + Segment) / 100.0));
            }
        }

        var medianDip = dipValues.Count == 0 ? 0 : dipValues.Order().ElementAt(dipValues.Count / 2);
        var flagged = periodicity >= 0.4 && loudSegments > 0 && dips.Count * 2 >= loudSegments && medianDip >= DipThresholdDb;
        return new Result(periodicity, lag / 100.0, medianDip, TimeRanges.Merge(dips, 0.01), flagged);
    }

    private static (int Lag, double Correlation) BestLag(double[] x)
    {
        double energy = 0;
        foreach (var v in x)
        {
            energy += v * v;
        }

        if (energy <= 0)
        {
            return (MinLag, 0);
        }

        var best = (Lag: MinLag, Correlation: double.MinValue);
        for (var lag = MinLag; lag <= MaxLag; lag++)
        {
            double sum = 0;
            for (var i = lag; i < x.Length; i++)
            {
                sum += x[i] * x[i - lag];
            }

            var r = sum / energy * x.Length / (x.Length - lag);
            if (r > best.Correlation)
            {
                best = (lag, r);
            }
        }

        return best;
    }

    private static double CycleDip(ReadOnlySpan<double> segment, int period)
    {
        var cycle = new double[period];
        var counts = new int[period];
        for (var i = 0; i < segment.Length; i++)
        {
            cycle[i % period] += segment[i];
            counts[i % period]++;
        }

        for (var i = 0; i < period; i++)
        {
            cycle[i] /= counts[i];
        }

        var sorted = cycle.Order().ToArray();
        return sorted[period / 2] - sorted[0];
    }

    private static double[] MovingAverage(double[] x, int halfWidth)
    {
        var prefix = new double[x.Length + 1];
        for (var i = 0; i < x.Length; i++)
        {
            prefix[i + 1] = prefix[i] + x[i];
        }

        var result = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var a = Math.Max(0, i - halfWidth);
            var b = Math.Min(x.Length, i + halfWidth + 1);
            result[i] = (prefix[b] - prefix[a]) / (b - a);
        }

        return result;
    }
}
