using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>
/// Butterworth high-pass (RBJ cookbook sections; 4th order = two sections with Q 0.5412 and
/// 1.3066, the poles of a 4th-order Butterworth). Double-precision state. No latency.
/// </summary>
public sealed class HighPassFilter : IAudioProcessor
{
    private readonly BiquadCoefficients[] sections;
    private readonly BiquadState[] states; // [channel * sections + section]

    public HighPassFilter(int sampleRate, int channelCount, HighPassSettings settings)
    {
        ProcessorGuard.Format(sampleRate, channelCount);
        ArgumentNullException.ThrowIfNull(settings);
        double[] qs = settings.Order switch
        {
            2 => [BiquadCoefficients.ButterworthQ],
            4 => [0.54119610014619701, 1.3065629648763766],
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Order, "Order must be 2 or 4."),
        };
        SampleRate = sampleRate;
        ChannelCount = channelCount;
        Settings = settings;
        sections = [.. qs.Select(q => BiquadCoefficients.HighPass(sampleRate, settings.FrequencyHz, q))];
        states = new BiquadState[channelCount * sections.Length];
    }

    public HighPassSettings Settings { get; }

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
