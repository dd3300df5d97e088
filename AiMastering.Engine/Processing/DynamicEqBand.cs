using System.Numerics.Tensors;

namespace AiMastering.Engine.Processing;

/// <summary>
/// Dynamic EQ band in parallel form: y = x + (g − 1)·band(x), where band is a 0 dB-peak
/// band-pass (bell, RBJ cookbook) or a first-order low/high-pass (shelves) and g ≤ 1 the linked
/// gain from the band's own level. For a constant g this is exactly a peaking filter
/// (s² + g·(ω/Q)·s + ω²)/(s² + (ω/Q)·s + ω²) or a first-order shelf, so the gain can move every
/// sample without recomputing coefficients, and g = 1 is bit-transparent. No latency.
/// </summary>
public sealed class DynamicEqBand : IAudioProcessor
{
    private const int ChunkFrames = 1024;
    private readonly BiquadCoefficients filter;
    private readonly BiquadState[] states;
    private readonly DynamicsCore core;
    private readonly float[][] band;
    private readonly float[] level = new float[ChunkFrames];
    private readonly float[] gain = new float[ChunkFrames];

    public DynamicEqBand(int sampleRate, int channelCount, DynamicEqSettings settings)
    {
        ProcessorGuard.Format(sampleRate, channelCount);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.MaxCutDb);
        SampleRate = sampleRate;
        ChannelCount = channelCount;
        Settings = settings;
        filter = settings.Shape switch
        {
            EqBandShape.Peaking => BiquadCoefficients.BandPass(sampleRate, settings.FrequencyHz, settings.Q),
            EqBandShape.LowShelf => BiquadCoefficients.FirstOrderLowPass(sampleRate, settings.FrequencyHz),
            _ => BiquadCoefficients.FirstOrderHighPass(sampleRate, settings.FrequencyHz),
        };
        states = new BiquadState[channelCount];
        core = new DynamicsCore(sampleRate, settings.ThresholdDb, settings.Ratio, kneeDb: 3, settings.AttackMs,
            settings.ReleaseMs, 0, settings.Detector, rmsWindowMs: 10, upward: false, maxChangeDb: settings.MaxCutDb);
        band = [.. Enumerable.Range(0, channelCount).Select(_ => new float[ChunkFrames])];
    }

    public DynamicEqSettings Settings { get; }

    public int SampleRate { get; }

    public int ChannelCount { get; }

    public int LatencySamples => 0;

    /// <summary>Cut applied since <see cref="Reset"/>, dB.</summary>
    public GainReductionMeter GainReduction => core.Meter;

    public void Reset()
    {
        Array.Clear(states);
        core.Reset();
    }

    public void Process(AudioBlock block)
    {
        ProcessorGuard.Block(block, ChannelCount);
        for (var start = 0; start < block.Length; start += ChunkFrames)
        {
            var chunk = block.Slice(start, Math.Min(ChunkFrames, block.Length - start));
            var n = chunk.Length;
            var c = 0;
            for (; c + 1 < ChannelCount; c += 2)
            {
                BiquadState.ProcessPair(filter, ref states[c], ref states[c + 1], chunk[c], band[c].AsSpan(0, n), chunk[c + 1], band[c + 1].AsSpan(0, n));
            }

            if (c < ChannelCount)
            {
                states[c].Process(filter, chunk[c], band[c].AsSpan(0, n));
            }

            var l = level.AsSpan(0, n);
            var g = gain.AsSpan(0, n);
            core.Detect(new AudioBlock(band, 0, n), l);
            core.ComputeGain(l, g);
            TensorPrimitives.Subtract(g, 1f, g);
            for (c = 0; c < ChannelCount; c++)
            {
                TensorPrimitives.MultiplyAdd(band[c].AsSpan(0, n), g, chunk[c], chunk[c]);
            }
        }
    }
}
