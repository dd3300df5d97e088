using System.Numerics.Tensors;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Decoding;

/// <summary>
/// Reads a WAV, AIFF or FLAC file in planar float blocks without holding it whole (the long-track path), with the
/// decoder and error mapping of <see cref="AudioDecoder.Decode(string)"/>: header problems when opened, decoder failures
/// while reading, and the truncation, length and silence checks once the last block has been read.
/// </summary>
internal sealed class AudioBlockReader : IDisposable
{
    private readonly IInterleavedReader reader;
    private float[] interleaved = [];
    private float peak;
    private bool ended;

    internal AudioBlockReader(AudioProbeResult probe, IInterleavedReader reader)
    {
        Probe = probe;
        this.reader = reader;
    }

    /// <summary>What the header says (rate, channels, expected frames).</summary>
    public AudioProbeResult Probe { get; }

    public int SampleRate => Probe.SampleRate;

    public int ChannelCount => Probe.Channels;

    /// <summary>Frames read so far.</summary>
    public long Frames { get; private set; }

    /// <summary>
    /// Fills <paramref name="destination"/> (one array per channel) with up to <paramref name="count"/> frames from
    /// index 0; fewer only at the end. Returns 0 once the file is done, after checking it was usable
    /// (<see cref="AudioDecodeException"/> otherwise).
    /// </summary>
    public int Read(float[][] destination, int count)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (ended)
        {
            return 0;
        }

        var channels = ChannelCount;
        if (interleaved.Length < count * channels)
        {
            interleaved = new float[count * channels];
        }

        var frames = 0;
        int read;
        while (frames < count && (read = reader.Read(interleaved.AsSpan(0, (count - frames) * channels))) > 0)
        {
            var n = read / channels;
            var chunk = interleaved.AsSpan(0, read);
            peak = Math.Max(peak, Math.Abs(TensorPrimitives.MaxMagnitude(chunk)));
            Interleaving.Deinterleave(chunk, destination, frames, n);
            frames += n;
        }

        Frames += frames;
        if (frames == 0)
        {
            ended = true;
            reader.Finish();
            AudioDecoder.CheckComplete(Probe, reader, Frames);
            AudioDecoder.CheckLength(Frames, SampleRate);
            AudioDecoder.CheckNotSilent(peak);
        }

        return frames;
    }

    public void Dispose() => reader.Dispose();
}
