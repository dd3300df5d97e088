using NAudio.Wave;

namespace AiMastering.Engine.Decoding;

/// <summary>
/// Random access to the samples of a WAV file (PCM or float), converted like <see cref="AudioDecoder.Decode(string)"/>:
/// the long-track path reads back the few spectrum frames of a master it wrote instead of keeping it in memory, and
/// the MP3 preview reads its parts from it. A range is read and converted once for all channels (the last one is
/// kept, so reading the other channels of the same range costs a copy); 16/24-bit PCM and 32-bit float are converted
/// from the bytes (<see cref="PcmToFloat"/>, bit-identical to NAudio's providers), other formats by NAudio.
/// </summary>
internal sealed class WavFileAudio : IPlanarSource, IDisposable
{
    private readonly WaveFileReader reader;
    private readonly ISampleProvider? provider;
    private readonly int bitsPerSample;
    private readonly bool isFloat;
    private float[] interleaved = [];
    private byte[] bytes = [];
    private long cachedFrom = -1;
    private int cachedFrames;

    public WavFileAudio(string path)
    {
        reader = new WaveFileReader(path);
        var format = reader.WaveFormat is WaveFormatExtensible extensible ? extensible.ToStandardWaveFormat() : reader.WaveFormat;
        bitsPerSample = format.BitsPerSample;
        isFloat = format.Encoding == WaveFormatEncoding.IeeeFloat;
        if (!(format.Encoding is WaveFormatEncoding.IeeeFloat or WaveFormatEncoding.Pcm && PcmToFloat.Takes(isFloat, bitsPerSample)))
        {
            provider = reader.ToSampleProvider();
        }
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
        var frames = (int)(to - from);
        if (from != cachedFrom || frames != cachedFrames)
        {
            Load(from, frames);
        }

        var target = destination[(int)(from - start)..];
        for (var i = 0; i < cachedFrames; i++)
        {
            target[i] = interleaved[(i * channels) + channel];
        }
    }

    public void Dispose() => reader.Dispose();

    // Frames [from, from + frames) of all channels into `interleaved`; cachedFrames = the frames the file gave.
    private void Load(long from, int frames)
    {
        var count = frames * ChannelCount;
        if (interleaved.Length < count)
        {
            interleaved = new float[count];
        }

        reader.Position = from * reader.BlockAlign;
        var done = 0;
        if (provider is not null)
        {
            int read;
            while (done < count && (read = provider.Read(interleaved.AsSpan(done, count - done))) > 0)
            {
                done += read;
            }
        }
        else
        {
            var wanted = count * (bitsPerSample / 8);
            if (bytes.Length < wanted)
            {
                bytes = new byte[wanted];
            }

            var filled = 0;
            int read;
            while (filled < wanted && (read = reader.Read(bytes, filled, wanted - filled)) > 0)
            {
                filled += read;
            }

            done = PcmToFloat.FromWavBytes(bytes.AsSpan(0, filled - (filled % reader.BlockAlign)), isFloat, bitsPerSample, interleaved);
        }

        cachedFrom = from;
        cachedFrames = done / ChannelCount;
    }
}
