using System.Numerics;
using System.Numerics.Tensors;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>
/// Level detection, static curve and gain smoothing shared by the compressors, the upward
/// expander and the dynamic EQ. Follows D. Giannoulis, M. Massberg, J. D. Reiss, "Digital
/// Dynamic Range Compressor Design — A Tutorial and Analysis", JAES 60(6), 2012: soft-knee gain
/// computer (eq. 4) and smooth branching detector on the gain in the log domain (eq. 17).
/// Log and exp run vectorised over the block (TensorPrimitives).
/// </summary>
internal sealed class DynamicsCore
{
    private readonly double threshold;
    private readonly double slope;      // compressor: 1/R − 1 (≤ 0); upward expander: R − 1 (≥ 0)
    private readonly double knee;
    private readonly double maxChangeDb;
    private readonly bool upward;
    private readonly double attack;
    private readonly double release;
    private readonly double rmsCoefficient;
    private readonly bool rms;
    private readonly float makeup;
    private double meanSquare;
    private double smoothed;
    private double[] work = new double[1024];

    public DynamicsCore(int sampleRate, double thresholdDb, double ratio, double kneeDb, double attackMs, double releaseMs,
        double makeupDb, LevelDetector detector, double rmsWindowMs, bool upward, double maxChangeDb)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ratio, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(kneeDb);
        threshold = thresholdDb;
        slope = upward ? ratio - 1 : (1 / ratio) - 1;
        knee = kneeDb;
        this.upward = upward;
        this.maxChangeDb = maxChangeDb;
        attack = Decibels.OnePoleCoefficient(attackMs, sampleRate);
        release = Decibels.OnePoleCoefficient(releaseMs, sampleRate);
        rms = detector == LevelDetector.Rms;
        rmsCoefficient = Decibels.OnePoleCoefficient(rmsWindowMs, sampleRate);
        makeup = (float)makeupDb;
    }

    public GainReductionMeter Meter { get; } = new();

    public void Reset()
    {
        meanSquare = 0;
        smoothed = 0;
        Meter.Reset();
    }

    /// <summary>
    /// <paramref name="level"/> holds the linked detector input per frame: mean square over channels
    /// (RMS detector) or peak magnitude (peak detector); it is overwritten. Writes the linear gain per frame.
    /// </summary>
    public void ComputeGain(Span<float> level, Span<float> gain)
    {
        var n = level.Length;
        if (n == 0)
        {
            return;
        }

        if (rms)
        {
            var x = Work(n);
            TensorPrimitives.ConvertTruncating<float, double>(level, x);
            meanSquare = OnePole(x, meanSquare, rmsCoefficient, 1 - rmsCoefficient);
            TensorPrimitives.ConvertTruncating<double, float>(x, level);
            TensorPrimitives.Add(level, 1e-20f, level);
            TensorPrimitives.Log10(level, level);
            TensorPrimitives.Multiply(level, 10f, level);
        }
        else
        {
            TensorPrimitives.Add(level, 1e-10f, level);
            TensorPrimitives.Log10(level, level);
            TensorPrimitives.Multiply(level, 20f, level);
        }

        // Static curve → target gain change (dB, ≤ 0 for compression, ≥ 0 upward), vectorised; then the smoothing,
        // the only serial part, without branches.
        StaticCurve(level);
        double att = attack, rel = release, attStep = 1 - attack, relStep = 1 - release;

        // Attack when the target moves away from 0 past y, release otherwise: y' = y + (1 − c)(target − y). Of the two
        // candidates the attack one is the further from y towards the target exactly when attacking, so with the faster
        // attack (att < rel) a compressor takes the smaller of the two (an expander the larger) — the slower attack the other.
        var targets = Work(n);
        TensorPrimitives.ConvertTruncating<float, double>(level, targets);
        smoothed = upward == (att < rel)
            ? Smooth<Larger>(targets, smoothed, att, attStep, rel, relStep)
            : Smooth<Smaller>(targets, smoothed, att, attStep, rel, relStep);
        TensorPrimitives.ConvertTruncating<double, float>(targets, gain);
        Meter.Add(-TensorPrimitives.MaxMagnitude(gain), -TensorPrimitives.Sum(gain), n);

        TensorPrimitives.Add(gain, makeup, gain);
        TensorPrimitives.Multiply(gain, 1f / 20f, gain);
        TensorPrimitives.Exp10(gain, gain);
    }

    // The serial loops, in their own methods so the state stays in registers (no call inside: nothing spilled per frame);
    // fused multiply-adds where the CPU has them, so the loop-carried path is one FMA (and a min/max) per frame.
    private static double OnePole(Span<double> x, double m, double a, double b)
    {
        for (var i = 0; i < x.Length; i++)
        {
            m = double.MultiplyAddEstimate(a, m, b * x[i]);
            x[i] = m;
        }

        return m;
    }

    // One smoothing loop, specialised per pick (a struct type argument: no call per frame).
    private static double Smooth<TPick>(Span<double> x, double y, double att, double attStep, double rel, double relStep)
        where TPick : struct, IPick
    {
        for (var i = 0; i < x.Length; i++)
        {
            var target = x[i];
            y = TPick.Pick(double.MultiplyAddEstimate(att, y, attStep * target), double.MultiplyAddEstimate(rel, y, relStep * target));
            x[i] = y;
        }

        return y;
    }

    // The serial loops run on doubles read from and written to this buffer: converting inside them (cvtss2sd/cvtsd2ss
    // merge into their destination register) put the conversions on the loop-carried path, doubling its length.
    private Span<double> Work(int n)
    {
        if (work.Length < n)
        {
            work = new double[n];
        }

        return work.AsSpan(0, n);
    }

    /// <summary>
    /// Overwrites levels (dB) with the static curve's gain change (dB): 0 under the knee, the knee's parabola inside
    /// it, slope·(level − threshold) above; bounded by the largest change allowed.
    /// </summary>
    private void StaticCurve(Span<float> level)
    {
        float t = (float)threshold, s = (float)slope, w = (float)knee, limit = (float)maxChangeDb;
        var kneeScale = w > 0 ? s / (2 * w) : 0; // the soft knee's parabola, without a division per sample
        var halfKnee = w / 2;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vt = new Vector<float>(t);
            var vs = new Vector<float>(s);
            var vw = new Vector<float>(w);
            var vScale = new Vector<float>(kneeScale);
            var vHalf = new Vector<float>(halfKnee);
            var vLimit = new Vector<float>(upward ? limit : -limit);
            for (; i + Vector<float>.Count <= level.Length; i += Vector<float>.Count)
            {
                var over = new Vector<float>(level[i..]) - vt;
                var twice = over + over;
                var k = over + vHalf;
                var curve = Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(twice), vw), vScale * k * k, vs * over);
                var target = Vector.ConditionalSelect(Vector.LessThanOrEqual(twice, -vw), Vector<float>.Zero, curve);
                target = upward ? Vector.Min(target, vLimit) : Vector.Max(target, vLimit);
                target.CopyTo(level[i..]);
            }
        }

        for (; i < level.Length; i++)
        {
            var over = level[i] - t;
            float target;
            if (2 * over <= -w)
            {
                target = 0;
            }
            else if (2 * Math.Abs(over) < w)
            {
                var k = over + halfKnee;
                target = kneeScale * k * k;
            }
            else
            {
                target = s * over;
            }

            level[i] = upward ? Math.Min(target, limit) : Math.Max(target, -limit);
        }
    }

    /// <summary>Fills <paramref name="level"/> with the linked detector input of the block's channels.</summary>
    public void Detect(in AudioBlock block, Span<float> level) => Detect(block, level, rms);

    internal static void Detect(in AudioBlock block, Span<float> level, bool meanSquare)
    {
        var count = block.ChannelCount;
        if (meanSquare)
        {
            TensorPrimitives.Multiply(block[0], block[0], level);
            for (var c = 1; c < count; c++)
            {
                TensorPrimitives.MultiplyAdd(block[c], block[c], level, level);
            }

            if (count > 1)
            {
                TensorPrimitives.Multiply(level, 1f / count, level);
            }
        }
        else
        {
            TensorPrimitives.Abs(block[0], level);
            for (var c = 1; c < count; c++)
            {
                TensorPrimitives.MaxMagnitude(block[c], level, level);
            }

            TensorPrimitives.Abs(level, level);
        }
    }

    private interface IPick
    {
        static abstract double Pick(double attack, double release);
    }

    private readonly struct Larger : IPick
    {
        public static double Pick(double attack, double release) => double.MaxNative(attack, release);
    }

    private readonly struct Smaller : IPick
    {
        public static double Pick(double attack, double release) => double.MinNative(attack, release);
    }
}
