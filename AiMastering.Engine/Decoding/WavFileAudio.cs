using NAudio.Wave;

namespace AiMastering.Engine.Decoding;

/// <summary>
/// Random access to the samples of a WAV file (PCM or float), converted like <see cref="AudioDecoder.Decode"/>:
/// the long-track path reads back the few spectrum frames of a master it wrote instead of keeping it in memory.
/// </summary>
internal sealed class WavFileAudio : IPlanarSource, IDisposable
{
    private readonly WaveFileReader reader;
    private readonly ISampleProvider provider;
    private float[] interleaved = [];

    public WavFileAudio(string path)
    {
        reader = new WaveFileReader(path);
        provider = reader.ToSampleProvider();
    }

    public int SampleRate => reader.WaveFormat.SampleRate;

    public int ChannelCount => reader.WaveFormat.Channels;

    public long Length => reader.SampleCount;

    public void Read(int channel, long start, Span<float> destination)
    {
        destination.Clear();
        var from = Math.Max(0, start);
        var to = Math.Min(Length, start + destination.Length);
        if (to <= from)
        {
            return;
        }

        var channels = ChannelCount;
        var count = (int)(to - from) * channels;
        if (interleaved.Length < count)
        {
            interleaved = new float[count];
        }

        reader.Position = from * reader.BlockAlign;
        var done = 0;
        int read;
        while (done < count && (read = provider.Read(interleaved.AsSpan(done, count - done))) > 0)
        {
            done += read;
        }

        var target = destination[(int)(from - start)..];
        for (var i = 0; i < done / channels; i++)
        {
            target[i] = interleaved[(i * channels) + channel];
        }
    }

    public void Dispose() => reader.Dispose();
}
