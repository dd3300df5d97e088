using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>
/// Channel-linked look-ahead true-peak limiter.
/// <para>
/// An optional linear-phase band limit at 0.46·fs (<see cref="TruePeakLimiterSettings.BandLimit"/>)
/// first removes the content next to Nyquist whose inter-sample peaks no short interpolator sees.
/// The main stage (<see cref="LookaheadGainStage"/>) detects inter-sample peaks of the input with
/// a polyphase FIR oversampler and glides the gain down over the look-ahead window so it has
/// reached its target before the peak arrives; release is program-dependent. A short second (0.5 ms)
/// stage of the same kind, detecting at twice the oversampling (16× by default), measures the output
/// of the first and removes any residual overshoot
/// (from gain modulation), and a final clamp bounds the sample values. The output is delayed by
/// <see cref="LatencySamples"/>; <see cref="ProcessorChain"/> removes that delay.
/// </para>
/// </summary>
public sealed class TruePeakLimiter : IAudioProcessor, IMeteredProcessor
{
    private const int ChunkFrames = 1024;

    private readonly LookaheadGainStage main;
    private readonly LookaheadGainStage safety;
    private readonly float ceiling;
    private readonly BandLimitFilter? bandLimit;

    public TruePeakLimiter(int sampleRate, int channelCount, TruePeakLimiterSettings settings)
    {
        ProcessorGuard.Format(sampleRate, channelCount);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.CeilingDbtp, 0.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.LookaheadMs, 0.5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.LookaheadMs, 10.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.OversamplingFactor, 4);
        SampleRate = sampleRate;
        ChannelCount = channelCount;
        Settings = settings;
        var ceilingLinear = Decibels.ToLinear(settings.CeilingDbtp);
        ceiling = (float)ceilingLinear;
        var window = (int)Math.Round(settings.LookaheadMs * sampleRate / 1000.0);
        main = new LookaheadGainStage(
            sampleRate, channelCount, ChunkFrames, ceilingLinear, window,
            settings.ReleaseMs, settings.SustainedReleaseMs, settings.OversamplingFactor);
        bandLimit = settings.BandLimit ? new BandLimitFilter(channelCount, ChunkFrames) : null;
        safety = new LookaheadGainStage(
            sampleRate, channelCount, ChunkFrames, ceilingLinear, Math.Max(16, sampleRate / 2000),
            releaseMs: 10, sustainedReleaseMs: 10, 2 * settings.OversamplingFactor);
    }

    public TruePeakLimiterSettings Settings { get; }

    public int SampleRate { get; }

    public int ChannelCount { get; }

    public int LatencySamples =>
        main.LatencySamples + safety.LatencySamples + (bandLimit is null ? 0 : BandLimitFilter.LatencySamples);

    /// <summary>Largest gain reduction since <see cref="Reset"/> or <see cref="ResetMeters"/>, dB (≥ 0).</summary>
    public double MaxGainReductionDb => main.MaxGainReductionDb + safety.MaxGainReductionDb;

    /// <summary>Mean gain reduction per frame since <see cref="Reset"/> or <see cref="ResetMeters"/>, dB (≥ 0).</summary>
    public double AverageGainReductionDb => MeteredFrames == 0 ? 0 : GainReductionDbSum / MeteredFrames;

    /// <summary>Gain reduction in dB summed over the metered frames (both stages), for averages over several limiters.</summary>
    public double GainReductionDbSum => main.GainReductionDbSum + safety.GainReductionDbSum;

    /// <summary>Frames metered since <see cref="Reset"/> or <see cref="ResetMeters"/>.</summary>
    public long MeteredFrames => main.MeteredFrames;

    public void ResetMeters()
    {
        main.ResetMeters();
        safety.ResetMeters();
    }

    public void Reset()
    {
        bandLimit?.Reset();
        main.Reset();
        safety.Reset();
    }

    public void Process(AudioBlock block)
    {
        ProcessorGuard.Block(block, ChannelCount);
        for (var start = 0; start < block.Length; start += ChunkFrames)
        {
            var chunk = block.Slice(start, Math.Min(ChunkFrames, block.Length - start));
            if (bandLimit is not null)
            {
                for (var c = 0; c < ChannelCount; c++)
                {
                    bandLimit.Process(c, chunk[c]);
                }
            }

            main.Process(chunk);
            safety.Process(chunk);
            for (var c = 0; c < ChannelCount; c++)
            {
                System.Numerics.Tensors.TensorPrimitives.Clamp(chunk[c], -ceiling, ceiling, chunk[c]);
            }
        }
    }
}
