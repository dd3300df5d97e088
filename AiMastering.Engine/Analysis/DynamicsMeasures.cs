using System.Numerics.Tensors;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Analysis;

/// <summary>RMS, crest factor, PLR, PSR distribution and the DR score from the per-sub-block statistics.</summary>
internal static class DynamicsMeasures
{
    private const int DrBlockSubBlocks = 300;

    public static DynamicsAnalysis Compute(
        IReadOnlyList<ChannelStats> channels, SubBlockGrid grid, LoudnessSeries loudness, float[] truePeak, double truePeakDb)
    {
        double energy = 0;
        float samplePeak = 0;
        foreach (var c in channels)
        {
            energy += c.Energy.Sum();
            samplePeak = Math.Max(samplePeak, grid.Count == 0 ? 0 : TensorPrimitives.Max(c.SamplePeak));
        }

        var rms = Decibels.FromPower(energy / ((double)channels.Count * grid.Length));
        var crest = Decibels.FromAmplitude(samplePeak) - rms;
        var plr = truePeakDb - loudness.Integrated;
        var psr = Psr(loudness, truePeak);
        var dr = DrScore(channels, grid);
        return new DynamicsAnalysis(
            Decibels.OrNull(rms),
            Decibels.OrNull(crest),
            Decibels.OrNull(plr),
            psr is null ? null : Math.Round(psr.MedianDb, 2),
            psr,
            double.IsFinite(dr) ? (int)Math.Round(dr, MidpointRounding.AwayFromZero) : null,
            Decibels.OrNull(dr));
    }

    // PSR per short-term window (3 s, every 100 ms): true peak in the window minus its short-term loudness,
    // over windows that pass the loudness-range gates (EBU Tech 3342: -70 LUFS and -20 LU).
    private static PsrDistribution? Psr(LoudnessSeries loudness, float[] truePeak)
    {
        var values = new List<double>();
        var shortTerm = loudness.ShortTerm10Hz;
        var gate = Math.Max(-70, loudness.Integrated - 20);
        for (var m = 0; m < shortTerm.Length; m++)
        {
            if (!(shortTerm[m] > gate))
            {
                continue;
            }

            var end = Math.Min(truePeak.Length, LoudnessSeries.ShortTermWindow + (m * 10));
            var start = Math.Max(0, end - LoudnessSeries.ShortTermWindow);
            var peak = TensorPrimitives.Max(truePeak.AsSpan(start, end - start));
            values.Add(Decibels.FromAmplitude(peak) - shortTerm[m]);
        }

        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        return new PsrDistribution(
            Math.Round(sorted[0], 2),
            Math.Round(LoudnessSeries.Percentile(sorted, 0.10), 2),
            Math.Round(LoudnessSeries.Percentile(sorted, 0.50), 2),
            Math.Round(LoudnessSeries.Percentile(sorted, 0.90), 2),
            Math.Round(sorted[^1], 2));
    }

    // DR meter (Pleasurize Music Foundation): per channel, 3 s blocks; block RMS = sqrt(2 * mean square);
    // DR = 20 log10(second-highest block peak / RMS of the loudest 20 % of blocks); the score averages channels.
    private static double DrScore(IReadOnlyList<ChannelStats> channels, SubBlockGrid grid)
    {
        double sum = 0;
        foreach (var c in channels)
        {
            var blocks = Math.Max(1, grid.Count / DrBlockSubBlocks);
            var rmsSquares = new double[blocks];
            var peaks = new double[blocks];
            for (var b = 0; b < blocks; b++)
            {
                var from = b * DrBlockSubBlocks;
                var to = blocks == 1 ? grid.Count : from + DrBlockSubBlocks;
                double e = 0;
                float p = 0;
                for (var k = from; k < to; k++)
                {
                    e += c.Energy[k];
                    p = Math.Max(p, c.SamplePeak[k]);
                }

                rmsSquares[b] = 2 * e / Math.Max(1, grid.Starts[to] - grid.Starts[from]);
                peaks[b] = p;
            }

            Array.Sort(rmsSquares);
            Array.Sort(peaks);
            var top = Math.Max(1, (int)Math.Round(blocks * 0.2));
            var topRms = Math.Sqrt(rmsSquares.AsSpan(blocks - top).ToArray().Average());
            var secondPeak = blocks > 1 ? peaks[^2] : peaks[^1];
            sum += Decibels.FromAmplitude(secondPeak / topRms);
        }

        return sum / channels.Count;
    }
}
