namespace AiMastering.Engine.Processing;

/// <summary>
/// Full-band feed-forward compressor with linked detection (one gain for all channels, so the
/// stereo image does not shift) — the "glue" compressor of the chain. No latency.
/// </summary>
public sealed class Compressor : IAudioProcessor
{
    private const int ChunkFrames = 1024;
    private readonly DynamicsCore core;
    private readonly float[] level = new float[ChunkFrames];
    private readonly float[] gain = new float[ChunkFrames];

    public Compressor(int sampleRate, int channelCount, CompressorSettings settings)
    {
        ProcessorGuard.Format(sampleRate, channelCount);
        ArgumentNullException.ThrowIfNull(settings);
        SampleRate = sampleRate;
        ChannelCount = channelCount;
        Settings = settings;
        core = new DynamicsCore(sampleRate, settings.ThresholdDb, settings.Ratio, settings.KneeDb, settings.AttackMs,
            settings.ReleaseMs, settings.MakeupGainDb, settings.Detector, settings.RmsWindowMs, upward: false, maxChangeDb: 100);
    }

    public CompressorSettings Settings { get; }

    public int SampleRate { get; }

    public int ChannelCount { get; }

    public int LatencySamples => 0;

    /// <summary>Gain reduction since <see cref="Reset"/> (excluding makeup gain).</summary>
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
