using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using AiMastering.Engine.Dsp;

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
    private readonly BiquadCoefficients f;
    private readonly BiquadCoefficients g;

    // Filter states, running sums and the partial sums of the current sub-block; lane 0 = left (or mono), lane 1 = right.
    private PassState state;
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
        left.Sum = state.Total.GetElement(0);
        if (right is not null)
        {
            right.Sum = state.Total.GetElement(1);
        }

        leftPeaks.Complete();
        rightPeaks?.Complete();
    }

    private void AppendMono(ReadOnlySpan<float> samples)
    {
        var mono = new MonoState(f, g, state.Z1.GetElement(0), state.Z2.GetElement(0), state.W1.GetElement(0), state.W2.GetElement(0));
        double total = state.Total.GetElement(0), weightedSum = state.Weighted.GetElement(0), rawSum = state.Raw.GetElement(0);
        var done = 0;
        while (done < samples.Length)
        {
            var n = (int)Math.Min(samples.Length - done, subEnd - position);
            MonoKernel(samples.Slice(done, n), ref mono, ref weightedSum, ref rawSum, ref total);

            left.WeightedEnergy[sub] = weightedSum;
            left.Energy[sub] = rawSum;
            done += n;
            position += n;
            if (position == subEnd)
            {
                weightedSum = rawSum = 0;
                mono.Flush();
                NextSubBlock();
            }
        }

        state = new PassState
        {
            Z1 = Vector128.Create(mono.Z1, 0),
            Z2 = Vector128.Create(mono.Z2, 0),
            W1 = Vector128.Create(mono.W1, 0),
            W2 = Vector128.Create(mono.W2, 0),
            Total = Vector128.Create(total, 0),
            Weighted = Vector128.Create(weightedSum, 0),
            Raw = Vector128.Create(rawSum, 0),
        };
    }

    // The mono per-sample loop, call-free like StereoKernel so its state stays in registers.
    private static void MonoKernel(ReadOnlySpan<float> samples, ref MonoState state, ref double weighted, ref double raw, ref double sum)
    {
        var s = state;
        double weightedSum = weighted, rawSum = raw, total = sum;
        foreach (var sample in samples)
        {
            var x = FloatWidening.Widen(sample);
            var o = s.Step(x);
            weightedSum += o * o;
            rawSum += x * x;
            total += x;
        }

        state = s;
        (weighted, raw, sum) = (weightedSum, rawSum, total);
    }

    // L and R in the two lanes of a Vector128 of doubles (same recursion, half the instructions).
    private void AppendStereo(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var coefficients = new StereoCoefficients(f, g);
        var crossArray = cross!();
        var done = 0;
        while (done < a.Length)
        {
            var n = (int)Math.Min(a.Length - done, subEnd - position);
            StereoKernel(a.Slice(done, n), b.Slice(done, n), in coefficients, ref state);
            left.WeightedEnergy[sub] = state.Weighted.GetElement(0);
            right!.WeightedEnergy[sub] = state.Weighted.GetElement(1);
            left.Energy[sub] = state.Raw.GetElement(0);
            right.Energy[sub] = state.Raw.GetElement(1);
            crossArray[sub] = state.Cross;
            done += n;
            position += n;
            if (position == subEnd)
            {
                state.Weighted = state.Raw = default;
                state.Cross = 0;
                var magnitude = Vector128.Abs(state.Z1) + Vector128.Abs(state.Z2) + Vector128.Abs(state.W1) + Vector128.Abs(state.W2);
                if (Vector128.LessThanAll(magnitude, Tiny))
                {
                    state.Z1 = state.Z2 = state.W1 = state.W2 = default;
                }

                NextSubBlock();
            }
        }
    }

    // The per-sample loop on its own, with no call inside, so the JIT keeps the states and coefficients in registers
    // (inside AppendStereo it spilled them all to the stack on every sample, which lengthened the recursion by the
    // store-to-load latency: about twice the time).
    private static void StereoKernel(ReadOnlySpan<float> x0, ReadOnlySpan<float> x1, in StereoCoefficients c, ref PassState state)
    {
        // Feedback coefficients negated so every update is one multiply-add and the recursion's critical path is two
        // of them per sample (y -> z1 -> next y).
        Vector128<double> fb0 = c.Fb0, fb1 = c.Fb1, fb2 = c.Fb2, fa1 = c.Fa1, fa2 = c.Fa2;
        Vector128<double> gb0 = c.Gb0, gb1 = c.Gb1, gb2 = c.Gb2, ga1 = c.Ga1, ga2 = c.Ga2;
        Vector128<double> lz1 = state.Z1, lz2 = state.Z2, lw1 = state.W1, lw2 = state.W2;
        Vector128<double> total = state.Total, weightedSum = state.Weighted, rawSum = state.Raw;
        var crossSum = state.Cross;
        x1 = x1[..x0.Length];
        for (var i = 0; i < x0.Length; i++)
        {
            var x = FloatWidening.Widen(x0[i], x1[i]);
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
            crossSum += x.GetElement(0) * x.GetElement(1);
        }

        state.Z1 = lz1;
        state.Z2 = lz2;
        state.W1 = lw1;
        state.W2 = lw2;
        state.Total = total;
        state.Weighted = weightedSum;
        state.Raw = rawSum;
        state.Cross = crossSum;
    }

    private void NextSubBlock()
    {
        sub++;
        subEnd = SubBlockGrid.Boundary(sampleRate, sub + 1);
    }

    /// <summary>Two cascaded direct-form-II-transposed biquads (pre-filter, then RLB high-pass), in double.</summary>
    private struct MonoState(BiquadCoefficients f, BiquadCoefficients g, double z1, double z2, double w1, double w2)
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

    private readonly struct StereoCoefficients(BiquadCoefficients f, BiquadCoefficients g)
    {
        public readonly Vector128<double> Fb0 = Vector128.Create(f.B0), Fb1 = Vector128.Create(f.B1), Fb2 = Vector128.Create(f.B2);
        public readonly Vector128<double> Fa1 = Vector128.Create(-f.A1), Fa2 = Vector128.Create(-f.A2);
        public readonly Vector128<double> Gb0 = Vector128.Create(g.B0), Gb1 = Vector128.Create(g.B1), Gb2 = Vector128.Create(g.B2);
        public readonly Vector128<double> Ga1 = Vector128.Create(-g.A1), Ga2 = Vector128.Create(-g.A2);
    }

    private struct PassState
    {
        public Vector128<double> Z1, Z2, W1, W2, Total, Weighted, Raw;
        public double Cross;
    }
}
