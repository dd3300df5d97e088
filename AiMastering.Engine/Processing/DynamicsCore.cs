using System.Numerics.Tensors;

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
        if (rms)
        {
            var a = rmsCoefficient;
            var b = 1 - a;
            var m = meanSquare;
            for (var i = 0; i < n; i++)
            {
                m = (a * m) + (b * level[i]);
                level[i] = (float)m + 1e-20f;
            }

            meanSquare = m;
            TensorPrimitives.Log10(level, level);
            TensorPrimitives.Multiply(level, 10f, level);
        }
        else
        {
            TensorPrimitives.Add(level, 1e-10f, level);
            TensorPrimitives.Log10(level, level);
            TensorPrimitives.Multiply(level, 20f, level);
        }

        // Static curve → gain change (dB, ≤ 0 for compression, ≥ 0 upward), then smoothing.
        double t = threshold, s = slope, w = knee, att = attack, rel = release, limit = maxChangeDb;
        var kneeScale = w > 0 ? s / (2 * w) : 0; // the soft knee's parabola, without a division per sample
        var halfKnee = w / 2;
        var y = smoothed;
        var up = upward;
        double maxDb = 0, sumDb = 0;
        for (var i = 0; i < n; i++)
        {
            double x = level[i];
            var over = x - t;
            double target;
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

            target = up ? Math.Min(target, limit) : Math.Max(target, -limit);

            // Attack when the gain change grows in magnitude, release when it shrinks.
            var coefficient = Math.Abs(target) > Math.Abs(y) ? att : rel;
            y = (coefficient * y) + ((1 - coefficient) * target);
            gain[i] = (float)y;
            sumDb -= y;
            if (Math.Abs(y) > Math.Abs(maxDb))
            {
                maxDb = -y;
            }
        }

        smoothed = y;
        Meter.Add(maxDb, sumDb, n);

        TensorPrimitives.Add(gain, makeup, gain);
        TensorPrimitives.Multiply(gain, 1f / 20f, gain);
        TensorPrimitives.Exp10(gain, gain);
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
}
