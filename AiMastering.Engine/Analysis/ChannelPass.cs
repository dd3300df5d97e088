using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// The sequential pass: K-weighting (two cascaded biquads, BS.1770-4) with per-sub-block energy sums, plus
/// raw energy, DC sum and the L*R cross product folded into the same loop (the IIR recursion is
/// latency-bound, so processing both channels together and the extra sums are nearly free), then the
/// <see cref="PeakScan"/> of each channel. Fed in blocks of any size: filter states and the partial sums of a
/// sub-block split between blocks carry over, so the result is the same, bit for bit, as one pass.
/// </summary>
internal sealed class ChannelPass
{
    private static readonly Vector128<double> Tiny = Vector128.Create(1e-30);

    private readonly int sampleRate;
    private readonly ChannelStats left;
    private readonly ChannelStats? right;
    private readonly PeakScan leftPeaks;
    private readonly PeakScan? rightPeaks;
    private readonly Func<double[]>? cross;
    private readonly Biquad f;
    private readonly Biquad g;

    // Filter states, running sums and the partial sums of the current sub-block; lane 0 = left (or mono), lane 1 = right.
    private Vector128<double> z1, z2, w1, w2, sum, weighted, raw;
    private double lr;
    private long position;
    private int sub;
    private long subEnd;

    /// <param name="cross">For stereo: the array receiving the sum of L*R per sub-block (read at every append, as it may grow).</param>
    public ChannelPass(int sampleRate, ChannelStats left, ChannelStats? right = null, Func<double[]>? cross = null)
    {
        this.sampleRate = sampleRate;
        this.left = left;
        this.right = right;
        this.cross = cross;
        leftPeaks = new PeakScan(sampleRate, left);
        rightPeaks = right is null ? null : new PeakScan(sampleRate, right);
        f = KWeighting.Shelf(sampleRate);
        g = KWeighting.HighPass(sampleRate);
        subEnd = SubBlockGrid.Boundary(sampleRate, 1);
    }

    /// <summary>One mono channel over a whole signal.</summary>
    public static void Run(float[] samples, SubBlockGrid grid, ChannelStats stats)
    {
        var pass = new ChannelPass(grid.SampleRate, stats);
        pass.Append(samples, []);
        pass.Complete();
    }

    /// <summary>Both channels of a whole signal; <paramref name="cross"/> receives the sum of L*R per sub-block.</summary>
    public static void RunStereo(float[] left, float[] right, SubBlockGrid grid, ChannelStats l, ChannelStats r, double[] cross)
    {
        var pass = new ChannelPass(grid.SampleRate, l, r, () => cross);
        pass.Append(left, right);
        pass.Complete();
    }

    /// <summary>The next samples (<paramref name="rightSamples"/> empty for mono); the stats must have room for them.</summary>
    public void Append(ReadOnlySpan<float> leftSamples, ReadOnlySpan<float> rightSamples)
    {
        if (right is null)
        {
            AppendMono(leftSamples);
        }
        else
        {
            AppendStereo(leftSamples, rightSamples);
            rightPeaks!.Append(rightSamples);
        }

        leftPeaks.Append(leftSamples);
    }

    /// <summary>Stores the DC sums and closes clipped runs at the end of the signal.</summary>
    public void Complete()
    {
        left.Sum = sum.GetElement(0);
        if (right is not null)
        {
            right.Sum = sum.GetElement(1);
        }

        leftPeaks.Complete();
        rightPeaks?.Complete();
    }

    private void AppendMono(ReadOnlySpan<float> samples)
    {
        var state = new MonoState(f, g, z1.GetElement(0), z2.GetElement(0), w1.GetElement(0), w2.GetElement(0));
        double total = sum.GetElement(0), weightedSum = weighted.GetElement(0), rawSum = raw.GetElement(0);
        var done = 0;
        while (done < samples.Length)
        {
            var n = (int)Math.Min(samples.Length - done, subEnd - position);
            foreach (var sample in samples.Slice(done, n))
            {
                double x = sample;
                var o = state.Step(x);
                weightedSum += o * o;
                rawSum += x * x;
                total += x;
            }

            left.WeightedEnergy[sub] = weightedSum;
            left.Energy[sub] = rawSum;
            done += n;
            position += n;
            if (position == subEnd)
            {
                weightedSum = rawSum = 0;
                state.Flush();
                NextSubBlock();
            }
        }

        (z1, z2, w1, w2) = (Vector128.Create(state.Z1, 0), Vector128.Create(state.Z2, 0), Vector128.Create(state.W1, 0), Vector128.Create(state.W2, 0));
        sum = Vector128.Create(total, 0);
        weighted = Vector128.Create(weightedSum, 0);
        raw = Vector128.Create(rawSum, 0);
    }

    // L and R in the two lanes of a Vector128 of doubles (same recursion, half the instructions).
    private void AppendStereo(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        // Coefficients as vectors; feedback coefficients negated so every update is one multiply-add and the
        // recursion's critical path is two of them per sample (y -> z1 -> next y).
        Vector128<double> fb0 = Vector128.Create(f.B0), fb1 = Vector128.Create(f.B1), fb2 = Vector128.Create(f.B2);
        Vector128<double> fa1 = Vector128.Create(-f.A1), fa2 = Vector128.Create(-f.A2);
        Vector128<double> gb0 = Vector128.Create(g.B0), gb1 = Vector128.Create(g.B1), gb2 = Vector128.Create(g.B2);
        Vector128<double> ga1 = Vector128.Create(-g.A1), ga2 = Vector128.Create(-g.A2);
        Vector128<double> lz1 = z1, lz2 = z2, lw1 = w1, lw2 = w2, total = sum, weightedSum = weighted, rawSum = raw;
        var crossSum = lr;
        var crossArray = cross!();
        var done = 0;
        while (done < a.Length)
        {
            var n = (int)Math.Min(a.Length - done, subEnd - position);
            var x0 = a.Slice(done, n);
            var x1 = b.Slice(done, n);
            for (var i = 0; i < x0.Length; i++)
            {
                var x = Vector128.Create((double)x0[i], x1[i]);
                var t1 = Vector128.MultiplyAddEstimate(fb1, x, lz2);
                var y = Vector128.MultiplyAddEstimate(fb0, x, lz1);
                lz1 = Vector128.MultiplyAddEstimate(fa1, y, t1);
                lz2 = Vector128.MultiplyAddEstimate(fa2, y, fb2 * x);
                var u1 = Vector128.MultiplyAddEstimate(gb1, y, lw2);
                var o = Vector128.MultiplyAddEstimate(gb0, y, lw1);
                lw1 = Vector128.MultiplyAddEstimate(ga1, o, u1);
                lw2 = Vector128.MultiplyAddEstimate(ga2, o, gb2 * y);
                weightedSum = Vector128.MultiplyAddEstimate(o, o, weightedSum);
                rawSum = Vector128.MultiplyAddEstimate(x, x, rawSum);
                total += x;
                crossSum += (double)x0[i] * x1[i];
            }

            left.WeightedEnergy[sub] = weightedSum.GetElement(0);
            right!.WeightedEnergy[sub] = weightedSum.GetElement(1);
            left.Energy[sub] = rawSum.GetElement(0);
            right.Energy[sub] = rawSum.GetElement(1);
            crossArray[sub] = crossSum;
            done += n;
            position += n;
            if (position == subEnd)
            {
                weightedSum = rawSum = default;
                crossSum = 0;
                var magnitude = Vector128.Abs(lz1) + Vector128.Abs(lz2) + Vector128.Abs(lw1) + Vector128.Abs(lw2);
                if (Vector128.LessThanAll(magnitude, Tiny))
                {
                    lz1 = lz2 = lw1 = lw2 = default;
                }

                NextSubBlock();
            }
        }

        (z1, z2, w1, w2, sum, weighted, raw, lr) = (lz1, lz2, lw1, lw2, total, weightedSum, rawSum, crossSum);
    }

    private void NextSubBlock()
    {
        sub++;
        subEnd = SubBlockGrid.Boundary(sampleRate, sub + 1);
    }

    /// <summary>Two cascaded direct-form-II-transposed biquads (pre-filter, then RLB high-pass), in double.</summary>
    private struct MonoState(Biquad f, Biquad g, double z1, double z2, double w1, double w2)
    {
        private readonly double fb0 = f.B0, fb1 = f.B1, fb2 = f.B2, fa1 = f.A1, fa2 = f.A2;
        private readonly double gb0 = g.B0, gb1 = g.B1, gb2 = g.B2, ga1 = g.A1, ga2 = g.A2;

        public double Z1 { get; private set; } = z1;

        public double Z2 { get; private set; } = z2;

        public double W1 { get; private set; } = w1;

        public double W2 { get; private set; } = w2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Step(double x)
        {
            var y = (fb0 * x) + Z1;
            Z1 = (fb1 * x) - (fa1 * y) + Z2;
            Z2 = (fb2 * x) - (fa2 * y);
            var o = (gb0 * y) + W1;
            W1 = (gb1 * y) - (ga1 * o) + W2;
            W2 = (gb2 * y) - (ga2 * o);
            return o;
        }

        /// <summary>Flushes tiny states so long silences do not run on denormals.</summary>
        public void Flush()
        {
            if (Math.Abs(Z1) + Math.Abs(Z2) + Math.Abs(W1) + Math.Abs(W2) < 1e-30)
            {
                Z1 = Z2 = W1 = W2 = 0;
            }
        }
    }
}
