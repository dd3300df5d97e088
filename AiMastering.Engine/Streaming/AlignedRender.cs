using AiMastering.Engine.Dsp;
using AiMastering.Engine.Processing;

namespace AiMastering.Engine.Streaming;

/// <summary>
/// Streams a source through processors in order, latency-compensated like <see cref="ProcessorChain.Render(AudioBuffer, AudioBuffer)"/>:
/// zeros are fed after the end and the first <see cref="ProcessorChain.LatencySamples"/> outputs are dropped, so the
/// blocks handed out, in order, are exactly the source's length and line up with it sample for sample. Processors
/// give the same output for any block sizes, so this equals the whole-buffer render.
/// </summary>
internal sealed class AlignedRender
{
    private readonly IPlanarSource input;
    private readonly ProcessorChain chain;
    private readonly long total;
    private long read;

    public AlignedRender(IPlanarSource input, IEnumerable<IAudioProcessor> processors)
    {
        ArgumentNullException.ThrowIfNull(input);
        this.input = input;
        chain = new ProcessorChain(input.SampleRate, input.ChannelCount, processors);
        chain.Reset();
        total = input.Length + chain.LatencySamples;
    }

    /// <summary>Output frames handed out so far (the position in the source of the next block).</summary>
    public long Position { get; private set; }

    /// <summary>Reads, processes and returns the next aligned output block in <paramref name="arrays"/>; null at the end.</summary>
    public AudioBlock? Next(float[][] arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        var latency = chain.LatencySamples;
        while (read < total)
        {
            var n = (int)Math.Min(arrays[0].Length, total - read);
            for (var c = 0; c < arrays.Length; c++)
            {
                input.Read(c, read, arrays[c].AsSpan(0, n));
            }

            chain.Process(new AudioBlock(arrays, 0, n));

            // Output sample (read + i) corresponds to input sample (read + i − latency).
            var first = (int)Math.Clamp(latency - read, 0, n);
            read += n;
            if (first < n)
            {
                Position += n - first;
                return new AudioBlock(arrays, first, n - first);
            }
        }

        return null;
    }
}
