using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>
/// Mid/side width for stereo (2 channels): M = (L+R)/2, S = (L−R)/2; the side goes through an
/// LR4 high-pass (mono bass) and a high shelf (width above a frequency); the mid goes through the
/// LR4 crossover's all-pass so mid and side stay in phase above the mono frequency. No latency.
/// </summary>
public sealed class StereoWidth : IAudioProcessor
{
    private const int ChunkFrames = 1024;
    private readonly LinkwitzRileySplit? mono;
    private readonly BiquadCoefficients shelf;
    private readonly bool hasShelf;
    private BiquadState midAllPass;
    private BiquadState sideShelf;
    private readonly float[] mid = new float[ChunkFrames];
    private readonly float[] side = new float[ChunkFrames];

    public StereoWidth(int sampleRate, int channelCount, StereoWidthSettings settings)
    {
        ProcessorGuard.Format(sampleRate, channelCount);
        ArgumentNullException.ThrowIfNull(settings);
        if (channelCount != 2)
        {
            throw new ArgumentOutOfRangeException(nameof(channelCount), channelCount, "M/S width needs 2 channels.");
        }

        SampleRate = sampleRate;
        ChannelCount = channelCount;
        Settings = settings;
        mono = settings.MonoBelowHz > 0 ? new LinkwitzRileySplit(sampleRate, 1, settings.MonoBelowHz) : null;
        hasShelf = settings.SideGainDb != 0;
        shelf = hasShelf
            ? BiquadCoefficients.HighShelf(sampleRate, settings.SideFrequencyHz, BiquadCoefficients.ButterworthQ, settings.SideGainDb)
            : BiquadCoefficients.Identity;
    }

    public StereoWidthSettings Settings { get; }

    public int SampleRate { get; }

    public int ChannelCount { get; }

    public int LatencySamples => 0;

    public void Reset()
    {
        mono?.Reset();
        midAllPass = default;
        sideShelf = default;
    }

    public void Process(AudioBlock block)
    {
        ProcessorGuard.Block(block, ChannelCount);
        for (var start = 0; start < block.Length; start += ChunkFrames)
        {
            var chunk = block.Slice(start, Math.Min(ChunkFrames, block.Length - start));
            var n = chunk.Length;
            Span<float> left = chunk[0], right = chunk[1];
            Span<float> m = mid.AsSpan(0, n), s = side.AsSpan(0, n);
            System.Numerics.Tensors.TensorPrimitives.Add(left, right, m);
            System.Numerics.Tensors.TensorPrimitives.Subtract(left, right, s);
            if (mono is not null)
            {
                mono.HighWith(0, s, mono.AllPass, ref midAllPass, m);
            }

            if (hasShelf)
            {
                sideShelf.Process(shelf, s);
            }

            // L = (M' + S')/2·2/2: m and s hold L±R (twice M and S).
            System.Numerics.Tensors.TensorPrimitives.Add(m, s, left);
            System.Numerics.Tensors.TensorPrimitives.Subtract(m, s, right);
            System.Numerics.Tensors.TensorPrimitives.Multiply(left, 0.5f, left);
            System.Numerics.Tensors.TensorPrimitives.Multiply(right, 0.5f, right);
        }
    }
}
