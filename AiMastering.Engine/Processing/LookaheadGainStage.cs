using System.Numerics.Tensors;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>
/// One look-ahead gain stage of <see cref="TruePeakLimiter"/>, channel-linked.
/// <list type="number">
/// <item>Detect the per-frame true peak p (oversampled, <see cref="TruePeakDetector"/>) and the
/// gain that would put it at the ceiling, g = min(1, ceiling / p).</item>
/// <item>Hold: sliding minimum of g over W + 2h + 1 frames (monotonic deque, O(1) per frame).</item>
/// <item>Release: the envelope recovers towards 1 with a one-pole whose time constant moves from
/// the fast to the sustained release as the recent amount of limiting grows (program-dependent).</item>
/// <item>Attack: moving average of the envelope over W frames, so the gain glides down over the
/// look-ahead window and reaches its target before the peak.</item>
/// <item>The audio is delayed by W + D + h frames, which puts every peak and h frames around it
/// inside the region where the gain is at or below its target.</item>
/// </list>
/// </summary>
internal sealed class LookaheadGainStage
{
    private const int HoldMargin = 4;

    /// <summary>Depth of limiting under which it counts as none (it only shifts the release coefficient by 10× this).</summary>
    private const double DepthFloor = 1e-12;

    private readonly int channelCount;
    private readonly TruePeakDetector detector;
    private readonly int window;
    private readonly int holdLength;
    private readonly float ceiling;
    private readonly double fastRelease;
    private readonly double sustainedRelease;
    private readonly double depthSmoothing;
    private readonly float[] peaks;
    private readonly float[] gains;
    private readonly float[] gainDb;
    private readonly float[][] delay; // [channel][Latency + chunk]
    private readonly float[] minValues;
    private readonly long[] minFrames;
    private readonly int minMask;
    private readonly float[] averageRing;

    private int minHead;
    private int minCount;
    private long frame;
    private double envelope;
    private double depth;
    private double averageSum;
    private int averagePosition;

    public LookaheadGainStage(
        int sampleRate, int channelCount, int maxFrames, double ceilingLinear, int windowSamples,
        double releaseMs, double sustainedReleaseMs, int oversampling)
    {
        this.channelCount = channelCount;
        detector = new TruePeakDetector(channelCount, oversampling, maxFrames);
        window = Math.Max(1, windowSamples);
        holdLength = window + (2 * HoldMargin) + 1;
        LatencySamples = window + TruePeakDetector.DelaySamples + HoldMargin;
        ceiling = (float)ceilingLinear;
        fastRelease = Decibels.OnePoleCoefficient(releaseMs, sampleRate);
        sustainedRelease = Decibels.OnePoleCoefficient(Math.Max(releaseMs, sustainedReleaseMs), sampleRate);
        depthSmoothing = Decibels.OnePoleCoefficient(200, sampleRate);
        peaks = new float[maxFrames];
        gains = new float[maxFrames];
        gainDb = new float[maxFrames];
        delay = [.. Enumerable.Range(0, channelCount).Select(_ => new float[LatencySamples + maxFrames])];
        var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)holdLength + 1);
        minValues = new float[capacity];
        minFrames = new long[capacity];
        minMask = capacity - 1;
        averageRing = new float[window];
        MaxFrames = maxFrames;
        Reset();
    }

    public int LatencySamples { get; }

    public int MaxFrames { get; }

    /// <summary>Largest gain reduction since reset, dB (≥ 0).</summary>
    public double MaxGainReductionDb { get; private set; }

    /// <summary>Sum over frames of the gain reduction in dB, and the frame count, since reset.</summary>
    public double GainReductionDbSum { get; private set; }

    public long Frames => frame;

    /// <summary>Frames metered since <see cref="Reset"/> or <see cref="ResetMeters"/>.</summary>
    public long MeteredFrames { get; private set; }

    /// <summary>Restarts the meters (largest and summed gain reduction, metered frames); the limiting state is kept.</summary>
    public void ResetMeters()
    {
        MaxGainReductionDb = 0;
        GainReductionDbSum = 0;
        MeteredFrames = 0;
    }

    public void Reset()
    {
        detector.Reset();
        foreach (var d in delay)
        {
            Array.Clear(d);
        }

        minHead = 0;
        minCount = 0;
        frame = 0;
        envelope = 1;
        depth = 0;
        Array.Fill(averageRing, 1f);
        averageSum = window;
        averagePosition = 0;
        ResetMeters();
    }

    /// <summary>Processes at most <see cref="MaxFrames"/> frames in place.</summary>
    public void Process(in AudioBlock block)
    {
        var n = block.Length;
        var peak = peaks.AsSpan(0, n);
        peak.Clear();
        for (var c = 0; c < channelCount; c++)
        {
            detector.Accumulate(c, block[c], peak, ceiling);
        }

        var gain = gains.AsSpan(0, n);
        MeteredFrames += n;
        var idle = TensorPrimitives.Max(peak) <= ceiling && IsReleased();
        if (idle)
        {
            SkipIdle(gain);
        }
        else
        {
            ComputeGain(peak, gain);
        }

        var latency = LatencySamples;
        for (var c = 0; c < channelCount; c++)
        {
            var line = delay[c];
            var x = block[c];
            x.CopyTo(line.AsSpan(latency));
            TensorPrimitives.Multiply(line.AsSpan(0, n), gain, x);
            line.AsSpan(n, latency).CopyTo(line);
        }

        if (idle && gain[0] == 1f)
        {
            return; // nothing limited: 0 dB of gain reduction
        }

        // Metering: the gain that was applied, in dB.
        var db = gainDb.AsSpan(0, n);
        TensorPrimitives.Log10(gain, db);
        var minDb = 20.0 * TensorPrimitives.Min(db);
        MaxGainReductionDb = Math.Max(MaxGainReductionDb, -minDb);
        GainReductionDbSum -= 20.0 * TensorPrimitives.Sum(db);
    }

    // Fully released: no held gain below 1 in the window, envelope at exactly 1 and every attack-average entry 1.
    private bool IsReleased() =>
        envelope == 1.0 && averageSum == window && (minCount == 0 || (minCount == 1 && minValues[minHead] == 1f));

    // What ComputeGain does, operation for operation, for a chunk without peaks over the ceiling while released:
    // the gain stays at 1, only the slow depth estimate decays (same arithmetic, so the result is bit-identical).
    private void SkipIdle(Span<float> gain)
    {
        var n = gain.Length;
        var dep = depth;
        var depthCoef = depthSmoothing;

        // Once the depth has decayed under DepthFloor it is exactly 0 and stays there: the loop (a serial chain of
        // multiplies as long as the chunk) is skipped — for a limiter that has not limited yet, or not for a while.
        for (var i = 0; i < n && dep != 0; i++)
        {
            dep = (depthCoef * dep) + ((1 - depthCoef) * 0.0);
            dep = dep < DepthFloor ? 0 : dep;
        }

        depth = dep;
        gain.Fill((float)(averageSum * (1.0 / window)));
        var last = frame + n - 1;
        minCount = 1;
        minValues[minHead] = 1f;
        minFrames[minHead] = last;
        averagePosition = (int)((averagePosition + (long)n) % window);
        frame = last + 1;
    }

    private void ComputeGain(ReadOnlySpan<float> peak, Span<float> gain)
    {
        var ceil = ceiling;
        var hold = holdLength;
        var mask = minMask;
        var values = minValues;
        var frames = minFrames;
        var ring = averageRing;
        var w = window;
        int head = minHead, count = minCount, position = averagePosition;
        var t = frame;
        double env = envelope, dep = depth, sum = averageSum;
        double fast = fastRelease, slow = sustainedRelease, depthCoef = depthSmoothing;
        var inverseWindow = 1.0 / w;

        for (var i = 0; i < peak.Length; i++, t++)
        {
            var p = peak[i];
            var g = p > ceil ? ceil / p : 1f;

            // Sliding minimum over the last `hold` frames (monotonic deque).
            while (count > 0 && values[(head + count - 1) & mask] >= g)
            {
                count--;
            }

            values[(head + count) & mask] = g;
            frames[(head + count) & mask] = t;
            count++;
            if (frames[head] <= t - hold)
            {
                head = (head + 1) & mask;
                count--;
            }

            double held = values[head];

            // Program-dependent release: slower while limiting has been sustained.
            dep = (depthCoef * dep) + ((1 - depthCoef) * (1 - env));
            dep = dep < DepthFloor ? 0 : dep;
            var weight = Math.Min(1.0, dep * 10.0);
            var coefficient = fast + ((slow - fast) * weight);
            env = 1 - (coefficient * (1 - env));
            if (held < env)
            {
                env = held;
            }

            // Attack: moving average over the look-ahead window.
            var stored = (float)env;
            sum += stored - ring[position];
            ring[position] = stored;
            position = position + 1 == w ? 0 : position + 1;
            gain[i] = (float)(sum * inverseWindow);
        }

        minHead = head;
        minCount = count;
        averagePosition = position;
        frame = t;
        envelope = env;
        depth = dep;
        averageSum = sum;
    }
}
