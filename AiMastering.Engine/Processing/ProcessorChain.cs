using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>
/// An ordered list of processors for one sample rate and channel count, itself a processor.
/// <see cref="Render(AudioBuffer)"/> runs a whole buffer through it in fixed-size blocks in
/// bounded memory and compensates the total latency exactly: zeros are fed after the end and the
/// first <see cref="LatencySamples"/> output samples are dropped, so the result has the input's
/// length and sample rate and lines up with it sample for sample.
/// </summary>
/// <example>
/// <code>
/// var chain = new ProcessorChain(48000, 2,
/// [
///     new HighPassFilter(48000, 2, new HighPassSettings(FrequencyHz: 30)),
///     new GainProcessor(48000, 2, new GainSettings(GainDb: 4)),
///     new TruePeakLimiter(48000, 2, new TruePeakLimiterSettings(CeilingDbtp: -1)),
/// ]);
/// AudioBuffer master = chain.Render(mix);
/// </code>
/// </example>
public sealed class ProcessorChain : IAudioProcessor
{
    /// <summary>Default number of frames per block in <see cref="Render(AudioBuffer)"/>.</summary>
    public const int DefaultBlockFrames = 4096;

    private readonly IAudioProcessor[] processors;
    private readonly float[][] scratch;

    public ProcessorChain(int sampleRate, int channelCount, IEnumerable<IAudioProcessor> processors, int blockFrames = DefaultBlockFrames)
    {
        ProcessorGuard.Format(sampleRate, channelCount);
        ArgumentNullException.ThrowIfNull(processors);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockFrames, 1);
        this.processors = [.. processors];
        foreach (var p in this.processors)
        {
            if (p.SampleRate != sampleRate || p.ChannelCount != channelCount)
            {
                throw new ArgumentException(
                    $"{p.GetType().Name} is configured for {p.SampleRate} Hz × {p.ChannelCount} channels, the chain for {sampleRate} Hz × {channelCount}.",
                    nameof(processors));
            }
        }

        SampleRate = sampleRate;
        ChannelCount = channelCount;
        BlockFrames = blockFrames;
        scratch = [.. Enumerable.Range(0, channelCount).Select(_ => new float[blockFrames])];
    }

    public int SampleRate { get; }

    public int ChannelCount { get; }

    public int BlockFrames { get; }

    /// <summary>The processors, in processing order.</summary>
    public IReadOnlyList<IAudioProcessor> Processors => processors;

    /// <summary>Sum of the processors' latencies.</summary>
    public int LatencySamples => processors.Sum(p => p.LatencySamples);

    public void Reset()
    {
        foreach (var p in processors)
        {
            p.Reset();
        }
    }

    /// <summary>Restarts the meters of every <see cref="IMeteredProcessor"/> in the chain, keeping all audio state.</summary>
    public void ResetMeters()
    {
        foreach (var p in processors)
        {
            (p as IMeteredProcessor)?.ResetMeters();
        }
    }

    /// <summary>Streams one block through every processor in order (latency not compensated).</summary>
    public void Process(AudioBlock block)
    {
        for (var i = 0; i < processors.Length; i++)
        {
            processors[i].Process(block);
        }
    }

    /// <summary>Resets the chain and renders <paramref name="input"/> into a new buffer of the same shape.</summary>
    public AudioBuffer Render(AudioBuffer input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = AudioBuffer.Silent(input.SampleRate, input.ChannelCount, input.Length);
        Render(input, output);
        return output;
    }

    /// <summary>Resets the chain and renders <paramref name="audio"/> over itself.</summary>
    public void RenderInPlace(AudioBuffer audio) => Render(audio, audio);

    /// <summary>
    /// Resets the chain and renders <paramref name="input"/> into <paramref name="output"/>, which may be the same buffer.
    /// </summary>
    public void Render(AudioBuffer input, AudioBuffer output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (input.SampleRate != SampleRate || input.ChannelCount != ChannelCount)
        {
            throw new ArgumentException($"Input is {input.SampleRate} Hz × {input.ChannelCount}, the chain expects {SampleRate} Hz × {ChannelCount}.", nameof(input));
        }

        if (output.SampleRate != SampleRate || output.ChannelCount != ChannelCount || output.Length != input.Length)
        {
            throw new ArgumentException("Output must have the input's shape.", nameof(output));
        }

        Reset();
        var length = input.Length;
        var latency = LatencySamples;
        var total = (long)length + latency;
        for (long read = 0; read < total; read += BlockFrames)
        {
            var n = (int)Math.Min(BlockFrames, total - read);
            var available = (int)Math.Clamp(length - read, 0, n);
            for (var c = 0; c < ChannelCount; c++)
            {
                var s = scratch[c].AsSpan(0, n);
                input.Channels[c].AsSpan((int)Math.Min(read, length), available).CopyTo(s);
                s[available..].Clear();
            }

            Process(new AudioBlock(scratch, 0, n));

            // Output sample (read + i) corresponds to input sample (read + i − latency).
            var first = (int)Math.Max(0, latency - read);
            if (first >= n)
            {
                continue;
            }

            var destination = (int)(read + first - latency);
            for (var c = 0; c < ChannelCount; c++)
            {
                scratch[c].AsSpan(first, n - first).CopyTo(output.Channels[c].AsSpan(destination));
            }
        }
    }
}
