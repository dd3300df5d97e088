using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// The sequential pass: K-weighting (two cascaded biquads, BS.1770-4) with per-sub-block energy sums, plus
/// raw energy, DC sum and the L*R cross product folded into the same loop (the IIR recursion is
/// latency-bound, so processing both channels together and the extra sums are nearly free). Then sample
/// peaks per sub-block (vectorized) and a scan for clipped runs where a sub-block reaches full scale.
/// </summary>
internal static class ChannelPass
{
    /// <summary>|x| at or above this counts as full scale (-0.01 dBFS; 16-bit full scale is -0.0003 dBFS).</summary>
    public const float ClipThreshold = 0.99885f;

    /// <summary>A clip is this many consecutive full-scale samples (a single full-scale sample is legal).</summary>
    public const int MinClipRun = 3;

    public static void Run(float[] samples, SubBlockGrid grid, ChannelStats stats)
    {
        var f = new FilterState(KWeighting.Shelf(grid.SampleRate), KWeighting.HighPass(grid.SampleRate));
        double sum = 0;
        for (var k = 0; k < grid.Count; k++)
        {
            var segment = new ReadOnlySpan<float>(samples, grid.Starts[k], grid.SizeOf(k));
            double weighted = 0, raw = 0;
            foreach (var sample in segment)
            {
                double x = sample;
                var o = f.Step(x);
                weighted += o * o;
                raw += x * x;
                sum += x;
            }

            stats.WeightedEnergy[k] = weighted;
            stats.Energy[k] = raw;
            f.Flush();
        }

        stats.Sum = sum;
        Peaks(samples, grid, stats);
    }

    /// <summary>
    /// Both channels in one loop, L and R in the two lanes of a <see cref="Vector128{T}"/> of doubles (same
    /// recursion, half the instructions); <paramref name="cross"/> receives the sum of L*R per sub-block.
    /// </summary>
    public static void RunStereo(float[] left, float[] right, SubBlockGrid grid, ChannelStats l, ChannelStats r, double[] cross)
    {
        var f = KWeighting.Shelf(grid.SampleRate);
        var g = KWeighting.HighPass(grid.SampleRate);
        // Coefficients as vectors; feedback coefficients negated so every update is one multiply-add and the
        // recursion's critical path is two of them per sample (y -> z1 -> next y).
        Vector128<double> fb0 = Vector128.Create(f.B0), fb1 = Vector128.Create(f.B1), fb2 = Vector128.Create(f.B2);
        Vector128<double> fa1 = Vector128.Create(-f.A1), fa2 = Vector128.Create(-f.A2);
        Vector128<double> gb0 = Vector128.Create(g.B0), gb1 = Vector128.Create(g.B1), gb2 = Vector128.Create(g.B2);
        Vector128<double> ga1 = Vector128.Create(-g.A1), ga2 = Vector128.Create(-g.A2);
        Vector128<double> z1 = default, z2 = default, w1 = default, w2 = default, sum = default;
        var tiny = Vector128.Create(1e-30);
        for (var k = 0; k < grid.Count; k++)
        {
            var start = grid.Starts[k];
            var a = new ReadOnlySpan<float>(left, start, grid.SizeOf(k));
            var b = new ReadOnlySpan<float>(right, start, a.Length);
            Vector128<double> weighted = default, raw = default;
            double lr = 0;
            for (var i = 0; i < a.Length; i++)
            {
                var x = Vector128.Create((double)a[i], b[i]);
                var t1 = Vector128.MultiplyAddEstimate(fb1, x, z2);
                var y = Vector128.MultiplyAddEstimate(fb0, x, z1);
                z1 = Vector128.MultiplyAddEstimate(fa1, y, t1);
                z2 = Vector128.MultiplyAddEstimate(fa2, y, fb2 * x);
                var u1 = Vector128.MultiplyAddEstimate(gb1, y, w2);
                var o = Vector128.MultiplyAddEstimate(gb0, y, w1);
                w1 = Vector128.MultiplyAddEstimate(ga1, o, u1);
                w2 = Vector128.MultiplyAddEstimate(ga2, o, gb2 * y);
                weighted = Vector128.MultiplyAddEstimate(o, o, weighted);
                raw = Vector128.MultiplyAddEstimate(x, x, raw);
                sum += x;
                lr += (double)a[i] * b[i];
            }

            l.WeightedEnergy[k] = weighted.GetElement(0);
            r.WeightedEnergy[k] = weighted.GetElement(1);
            l.Energy[k] = raw.GetElement(0);
            r.Energy[k] = raw.GetElement(1);
            cross[k] = lr;
            var magnitude = Vector128.Abs(z1) + Vector128.Abs(z2) + Vector128.Abs(w1) + Vector128.Abs(w2);
            if (Vector128.LessThanAll(magnitude, tiny))
            {
                z1 = z2 = w1 = w2 = default;
            }
        }

        l.Sum = sum.GetElement(0);
        r.Sum = sum.GetElement(1);
        Peaks(left, grid, l);
        Peaks(right, grid, r);
    }

    private static void Peaks(float[] samples, SubBlockGrid grid, ChannelStats stats)
    {
        var runStart = -1;
        for (var k = 0; k < grid.Count; k++)
        {
            var segment = new ReadOnlySpan<float>(samples, grid.Starts[k], grid.SizeOf(k));
            if (segment.IsEmpty)
            {
                continue;
            }

            var min = TensorPrimitives.Min(segment);
            var max = TensorPrimitives.Max(segment);
            var peak = Math.Max(-min, max);
            stats.Min[k] = min;
            stats.Max[k] = max;
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

    /// <summary>Two cascaded direct-form-II-transposed biquads (pre-filter, then RLB high-pass), in double.</summary>
    private struct FilterState(Biquad f, Biquad g)
    {
        private readonly double fb0 = f.B0, fb1 = f.B1, fb2 = f.B2, fa1 = f.A1, fa2 = f.A2;
        private readonly double gb0 = g.B0, gb1 = g.B1, gb2 = g.B2, ga1 = g.A1, ga2 = g.A2;
        private double z1, z2, w1, w2;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public double Step(double x)
        {
            var y = (fb0 * x) + z1;
            z1 = (fb1 * x) - (fa1 * y) + z2;
            z2 = (fb2 * x) - (fa2 * y);
            var o = (gb0 * y) + w1;
            w1 = (gb1 * y) - (ga1 * o) + w2;
            w2 = (gb2 * y) - (ga2 * o);
            return o;
        }

        /// <summary>Flushes tiny states so long silences do not run on denormals.</summary>
        public void Flush()
        {
            if (Math.Abs(z1) + Math.Abs(z2) + Math.Abs(w1) + Math.Abs(w2) < 1e-30)
            {
                z1 = z2 = w1 = w2 = 0;
            }
        }
    }
}
