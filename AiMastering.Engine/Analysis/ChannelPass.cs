using System.Numerics.Tensors;

namespace AiMastering.Engine.Analysis;

/// <summary>One sequential pass over a channel: K-weighted energy, raw energy, DC, sample peaks and clipped runs.</summary>
internal static class ChannelPass
{
    /// <summary>|x| at or above this counts as full scale (-0.01 dBFS; 16-bit full scale is -0.0003 dBFS).</summary>
    public const float ClipThreshold = 0.99885f;

    /// <summary>A clip is this many consecutive full-scale samples (a single full-scale sample is legal).</summary>
    public const int MinClipRun = 3;

    public static void Run(float[] samples, SubBlockGrid grid, ChannelStats stats)
    {
        var shelf = KWeighting.Shelf(grid.SampleRate);
        var highPass = KWeighting.HighPass(grid.SampleRate);
        double s1 = 0, s2 = 0, h1 = 0, h2 = 0;
        var runStart = -1;
        double sum = 0;
        for (var k = 0; k < grid.Count; k++)
        {
            var segment = new ReadOnlySpan<float>(samples, grid.Starts[k], grid.SizeOf(k));
            stats.WeightedEnergy[k] = WeightedEnergy(segment, shelf, highPass, ref s1, ref s2, ref h1, ref h2);
            stats.Energy[k] = TensorPrimitives.SumOfSquares(segment);
            sum += TensorPrimitives.Sum(segment);
            var peak = segment.Length == 0 ? 0f : Math.Abs(TensorPrimitives.MaxMagnitude(segment));
            stats.SamplePeak[k] = peak;
            if (peak >= ClipThreshold || runStart >= 0)
            {
                runStart = ScanClips(segment, grid.Starts[k], runStart, stats.ClippedRuns);
            }
        }

        if (runStart >= 0 && samples.Length - runStart >= MinClipRun)
        {
            stats.ClippedRuns.Add((runStart, samples.Length - runStart));
        }

        stats.Sum = sum;
    }

    // Two cascaded direct-form-II-transposed biquads (BS.1770-4 K-weighting), squared output summed in double.
    private static double WeightedEnergy(
        ReadOnlySpan<float> x, Biquad f, Biquad g, ref double s1, ref double s2, ref double h1, ref double h2)
    {
        double fb0 = f.B0, fb1 = f.B1, fb2 = f.B2, fa1 = f.A1, fa2 = f.A2;
        double gb0 = g.B0, gb1 = g.B1, gb2 = g.B2, ga1 = g.A1, ga2 = g.A2;
        double z1 = s1, z2 = s2, w1 = h1, w2 = h2, energy = 0;
        foreach (var sample in x)
        {
            double input = sample;
            var y = (fb0 * input) + z1;
            z1 = (fb1 * input) - (fa1 * y) + z2;
            z2 = (fb2 * input) - (fa2 * y);
            var o = (gb0 * y) + w1;
            w1 = (gb1 * y) - (ga1 * o) + w2;
            w2 = (gb2 * y) - (ga2 * o);
            energy += o * o;
        }

        // Flush tiny states so long silences do not run on denormals.
        s1 = Math.Abs(z1) < 1e-30 ? 0 : z1;
        s2 = Math.Abs(z2) < 1e-30 ? 0 : z2;
        h1 = Math.Abs(w1) < 1e-30 ? 0 : w1;
        h2 = Math.Abs(w2) < 1e-30 ? 0 : w2;
        return energy;
    }

    private static int ScanClips(ReadOnlySpan<float> segment, int offset, int runStart, List<(int, int)> runs)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            if (Math.Abs(segment[i]) >= ClipThreshold)
            {
                if (runStart < 0)
                {
                    runStart = offset + i;
                }
            }
            else if (runStart >= 0)
            {
                var length = offset + i - runStart;
                if (length >= MinClipRun)
                {
                    runs.Add((runStart, length));
                }

                runStart = -1;
            }
        }

        return runStart;
    }
}
