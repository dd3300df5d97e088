using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>
/// A cascade of static EQ bands (shelves and peaks), the same on every channel. Bands with
/// 0 dB gain are skipped. Minimum phase, no latency.
/// </summary>
public sealed class StaticEqualizer : IAudioProcessor
{
    private readonly BiquadCoefficients[] sections;
    private readonly BiquadState[] states; // [channel * sections + section]

    public StaticEqualizer(int sampleRate, int channelCount, IReadOnlyList<EqBand> bands)
    {
        ProcessorGuard.Format(sampleRate, channelCount);
        ArgumentNullException.ThrowIfNull(bands);
        SampleRate = sampleRate;
        ChannelCount = channelCount;
        Bands = bands;
        sections = [.. bands.Where(b => b.GainDb != 0).Select(b => b.Design(sampleRate))];
        states = new BiquadState[channelCount * sections.Length];
    }

    public IReadOnlyList<EqBand> Bands { get; }

    public int SampleRate { get; }

    public int ChannelCount { get; }

    public int LatencySamples => 0;

    public void Reset() => Array.Clear(states);

    public void Process(AudioBlock block)
    {
        ProcessorGuard.Block(block, ChannelCount);
        BiquadState.ProcessChannels(sections, states, block);
    }
}
