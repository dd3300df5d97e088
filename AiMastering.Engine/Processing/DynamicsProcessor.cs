using System.Numerics.Tensors;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>
/// Linked feed-forward dynamics (one gain for all channels, so the stereo image does not shift), no latency: the glue
/// <see cref="Compressor"/>, the <see cref="UpwardExpander"/> (the mirror image of the compressor's static curve,
/// restoring transients) and the <see cref="DynamicEq"/> band. They differ only in their <see cref="DynamicsCore"/>
/// curve and in whether the gain acts on the whole signal or on one band of it.
/// </summary>
/// <remarks>
/// A band works in parallel form: y = x + (g − 1)·band(x), where band is a 0 dB-peak band-pass (bell, RBJ cookbook)
/// or a first-order low/high-pass (shelves) and g ≤ 1 the linked gain from the band's own level. For a constant g this
/// is exactly a peaking filter (s² + g·(ω/Q)·s + ω²)/(s² + (ω/Q)·s + ω²) or a first-order shelf, so the gain can move
/// every sample without recomputing coefficients, and g = 1 is bit-transparent.
/// </remarks>
public sealed class DynamicsProcessor : IAudioProcessor
{
    private const int ChunkFrames = 1024;
    private readonly DynamicsCore core;
    private readonly float[] level = new float[ChunkFrames];
    private readonly float[] gain = new float[ChunkFrames];
    private readonly BiquadCoefficients filter;
    private readonly BiquadState[] states;
    private readonly float[][]? band;

    private DynamicsProcessor(int sampleRate, int channelCount, DynamicsCore core, BiquadCoefficients? bandFilter)
    {
        SampleRate = sampleRate;
        ChannelCount = channelCount;
        this.core = core;
        states = new BiquadState[bandFilter is null ? 0 : channelCount];
        if (bandFilter is { } f)
        {
            filter = f;
            band = [.. Enumerable.Range(0, channelCount).Select(_ => new float[ChunkFrames])];
        }
    }

    public int SampleRate { get; }

    public int ChannelCount { get; }

    public int LatencySamples => 0;

    /// <summary>Gain change since <see cref="Reset"/> (excluding makeup gain); upward gain is reported as negative reduction.</summary>
    public GainReductionMeter GainReduction => core.Meter;

    /// <summary>Full-band compressor (the glue compressor of the chain).</summary>
    public static DynamicsProcessor Compressor(int sampleRate, int channelCount, CompressorSettings settings)
    {
        ProcessorGuard.Format(sampleRate, channelCount);
        ArgumentNullException.ThrowIfNull(settings);
        return new(sampleRate, channelCount, new DynamicsCore(sampleRate, settings.ThresholdDb, settings.Ratio, settings.KneeDb, settings.AttackMs,
            settings.ReleaseMs, settings.MakeupGainDb, settings.Detector, settings.RmsWindowMs, upward: false, maxChangeDb: 100), null);
    }

    /// <summary>Full-band upward expander: raises the level above the threshold, at most by <see cref="UpwardExpanderSettings.MaxGainDb"/>.</summary>
    public static DynamicsProcessor UpwardExpander(int sampleRate, int channelCount, UpwardExpanderSettings settings)
    {
        ProcessorGuard.Format(sampleRate, channelCount);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.MaxGainDb);
        return new(sampleRate, channelCount, new DynamicsCore(sampleRate, settings.ThresholdDb, settings.Ratio, settings.KneeDb, settings.AttackMs,
            settings.ReleaseMs, 0, settings.Detector, settings.RmsWindowMs, upward: true, maxChangeDb: settings.MaxGainDb), null);
    }

    /// <summary>One dynamic EQ band: cuts its band (bell or shelf) by the level of that band, at most by <see cref="DynamicEqSettings.MaxCutDb"/>.</summary>
    public static DynamicsProcessor DynamicEq(int sampleRate, int channelCount, DynamicEqSettings settings)
    {
        ProcessorGuard.Format(sampleRate, channelCount);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.MaxCutDb);
        var filter = settings.Shape switch
        {
            EqBandShape.Peaking => BiquadCoefficients.BandPass(sampleRate, settings.FrequencyHz, settings.Q),
            EqBandShape.LowShelf => BiquadCoefficients.FirstOrderLowPass(sampleRate, settings.FrequencyHz),
            _ => BiquadCoefficients.FirstOrderHighPass(sampleRate, settings.FrequencyHz),
        };
        return new(sampleRate, channelCount, new DynamicsCore(sampleRate, settings.ThresholdDb, settings.Ratio, kneeDb: 3, settings.AttackMs,
            settings.ReleaseMs, 0, settings.Detector, rmsWindowMs: 10, upward: false, maxChangeDb: settings.MaxCutDb), filter);
    }

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
            if (band is null)
            {
                ProcessWhole(chunk);
            }
            else
            {
                ProcessBand(chunk, band);
            }
        }
    }

    private void ProcessWhole(AudioBlock chunk)
    {
        var l = level.AsSpan(0, chunk.Length);
        var g = gain.AsSpan(0, chunk.Length);
        core.Detect(chunk, l);
        core.ComputeGain(l, g);
        for (var c = 0; c < ChannelCount; c++)
        {
            TensorPrimitives.Multiply(chunk[c], g, chunk[c]);
        }
    }

    private void ProcessBand(AudioBlock chunk, float[][] band)
    {
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
