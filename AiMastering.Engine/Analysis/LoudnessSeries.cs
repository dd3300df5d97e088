using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// BS.1770-4 / EBU Tech 3341 loudness from the per-sub-block K-weighted energies of all channels:
/// gated integrated loudness, momentary (400 ms) and short-term (3 s) windows every 10 ms, and the
/// 10 Hz short-term series used for loudness range (EBU Tech 3342).
/// </summary>
internal sealed class LoudnessSeries
{
    public const int MomentaryWindow = 40;
    public const int ShortTermWindow = 300;
    private const int GatingStep = 10;
    private const double AbsoluteGateLufs = -70.0;
    private const double RelativeGateLu = -10.0;
    private const double LraRelativeGateLu = -20.0;

    private readonly double[] cumulativeEnergy;
    private readonly long[] cumulativeSamples;

    public LoudnessSeries(IReadOnlyList<ChannelStats> channels, SubBlockGrid grid)
    {
        // Channel weights G = 1.0 for L, R (and mono), BS.1770-4 Table 3; more channels are refused by the decoder.
        var n = grid.Count;
        cumulativeEnergy = new double[n + 1];
        cumulativeSamples = new long[n + 1];
        for (var k = 0; k < n; k++)
        {
            double z = 0;
            for (var c = 0; c < channels.Count; c++)
            {
                z += channels[c].WeightedEnergy[k];
            }

            cumulativeEnergy[k + 1] = cumulativeEnergy[k] + z;
            cumulativeSamples[k + 1] = cumulativeSamples[k] + grid.SizeOf(k);
        }

        SubBlocks = n;
        Integrated = ComputeIntegrated();
        MomentaryMax = MaxOver(MomentaryWindow);
        ShortTermMax = MaxOver(ShortTermWindow);
        ShortTerm10Hz = ShortTermAt10Hz();
        (Range, RangeLow, RangeHigh) = ComputeRange(ShortTerm10Hz);
    }

    public int SubBlocks { get; }

    public double Integrated { get; }

    public double MomentaryMax { get; }

    public double ShortTermMax { get; }

    public double Range { get; }

    public double RangeLow { get; }

    public double RangeHigh { get; }

    /// <summary>Short-term loudness of windows ending at sub-block 300 + 10 m (one every 100 ms).</summary>
    public double[] ShortTerm10Hz { get; }

    /// <summary>Loudness (LUFS) of sub-blocks [from, to): -0.691 + 10 log10(mean square), BS.1770-4 eq. 2.</summary>
    public double WindowLoudness(int from, int to) => Lufs(WindowPower(from, to));

    /// <summary>Momentary loudness of the 400 ms window ending at sub-block <paramref name="end"/>.</summary>
    public double Momentary(int end) => WindowLoudness(Math.Max(0, end - MomentaryWindow), end);

    /// <summary>Short-term loudness of the 3 s window ending at sub-block <paramref name="end"/>.</summary>
    public double ShortTerm(int end) => WindowLoudness(Math.Max(0, end - ShortTermWindow), end);

    public static double Lufs(double meanSquare) => -0.691 + Decibels.FromPower(meanSquare);

    private double WindowPower(int from, int to)
    {
        var samples = cumulativeSamples[to] - cumulativeSamples[from];
        return samples == 0 ? 0 : (cumulativeEnergy[to] - cumulativeEnergy[from]) / samples;
    }

    // BS.1770-4 section 2.8: 400 ms blocks with 75 % overlap, absolute gate -70 LUFS, relative gate -10 LU.
    private double ComputeIntegrated()
    {
        var blocks = new List<double>();
        for (var start = 0; start + MomentaryWindow <= SubBlocks; start += GatingStep)
        {
            blocks.Add(WindowPower(start, start + MomentaryWindow));
        }

        return GatedMean(blocks, RelativeGateLu, out _);
    }

    private static double GatedMean(List<double> powers, double relativeGateLu, out double relativeGate)
    {
        double sum = 0;
        var count = 0;
        foreach (var p in powers)
        {
            if (Lufs(p) > AbsoluteGateLufs)
            {
                sum += p;
                count++;
            }
        }

        relativeGate = count == 0 ? double.PositiveInfinity : Lufs(sum / count) + relativeGateLu;
        if (count == 0)
        {
            return double.NegativeInfinity;
        }

        double gatedSum = 0;
        var gatedCount = 0;
        foreach (var p in powers)
        {
            var l = Lufs(p);
            if (l > AbsoluteGateLufs && l > relativeGate)
            {
                gatedSum += p;
                gatedCount++;
            }
        }

        return gatedCount == 0 ? double.NegativeInfinity : Lufs(gatedSum / gatedCount);
    }

    private double MaxOver(int window)
    {
        if (SubBlocks <= window)
        {
            return WindowLoudness(0, SubBlocks);
        }

        var best = 0.0;
        for (var end = window; end <= SubBlocks; end++)
        {
            best = Math.Max(best, WindowPower(end - window, end));
        }

        return Lufs(best);
    }

    private double[] ShortTermAt10Hz()
    {
        if (SubBlocks < ShortTermWindow)
        {
            return SubBlocks == 0 ? [] : [WindowLoudness(0, SubBlocks)];
        }

        var values = new double[((SubBlocks - ShortTermWindow) / GatingStep) + 1];
        for (var m = 0; m < values.Length; m++)
        {
            var end = ShortTermWindow + (m * GatingStep);
            values[m] = WindowLoudness(end - ShortTermWindow, end);
        }

        return values;
    }

    // EBU Tech 3342: short-term values at 10 Hz, absolute gate -70 LUFS, relative gate -20 LU below the
    // power mean of the absolutely gated values, LRA = 95th minus 10th percentile.
    private static (double Range, double Low, double High) ComputeRange(double[] shortTerm)
    {
        var powers = shortTerm.Select(l => Math.Pow(10, (l + 0.691) / 10)).ToList();
        GatedMean(powers, LraRelativeGateLu, out var relativeGate);
        var gated = shortTerm.Where(l => l > AbsoluteGateLufs && l > relativeGate).Order().ToArray();
        if (gated.Length == 0)
        {
            return (0, double.NegativeInfinity, double.NegativeInfinity);
        }

        var low = Percentile(gated, 0.10);
        var high = Percentile(gated, 0.95);
        return (high - low, low, high);
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted[(int)Math.Round(p * (sorted.Length - 1), MidpointRounding.AwayFromZero)];
}
