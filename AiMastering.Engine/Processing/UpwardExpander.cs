namespace AiMastering.Engine.Processing;

/// <summary>
/// Linked upward expander: raises the level above the threshold (restoring transients and
/// dynamics), the mirror image of the compressor's static curve. No latency.
/// </summary>
public sealed class UpwardExpander : IAudioProcessor
{
    private const int ChunkFrames = 1024;
    private readonly DynamicsCore core;
    private readonly float[] level = new float[ChunkFrames];
    private readonly float[] gain = new float[ChunkFrames];

    public UpwardExpander(int sampleRate, int channelCount, UpwardExpanderSettings settings)
    {
        ProcessorGuard.Format(sampleRate, channelCount);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.MaxGainDb);
        SampleRate = sampleRate;
        ChannelCount = channelCount;
        Settings = settings;
        core = new DynamicsCore(sampleRate, settings.ThresholdDb, settings.Ratio, settings.KneeDb, settings.AttackMs,
            settings.ReleaseMs, 0, settings.Detector, settings.RmsWindowMs, upward: true, maxChangeDb: settings.MaxGainDb);
    }

    public UpwardExpanderSettings Settings { get; }

    public int SampleRate { get; }

    public int ChannelCount { get; }

    public int LatencySamples => 0;

    /// <summary>Gain change since <see cref="Reset"/>; upward gain is reported as negative reduction.</summary>
    public GainReductionMeter GainReduction => core.Meter;

    public void Reset() => core.Reset();

    public void Process(AudioBlock block)
    {
        ProcessorGuard.Block(block, ChannelCount);
        for (var start = 0; start < block.Length; start += ChunkFrames)
        {
            var chunk = block.Slice(start, Math.Min(ChunkFrames, block.Length - start));
            var l = level.AsSpan(0, chunk.Length);
            var g = gain.AsSpan(0, chunk.Length);
            core.Detect(chunk, l);
            core.ComputeGain(l, g);
            for (var c = 0; c < ChannelCount; c++)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(chunk[c], g, chunk[c]);
            }
        }
    }
}
