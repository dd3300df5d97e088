using NAudio.Wave;

namespace AiMastering.Engine.Decoding;

/// <summary>
/// Decodes PCM/float WAV and uncompressed AIFF with NAudio into interleaved floats. NAudio's parsing and read
/// errors become <see cref="AudioProblem.DecoderFailed"/>.
/// </summary>
internal sealed class NAudioReader : IInterleavedReader
{
    private readonly WaveStream reader;
    private readonly ISampleProvider? provider;
    private readonly int frameBytes;
    private readonly int channels;
    private readonly int bitsPerSample;
    private readonly bool isFloat;
    private byte[] bytes = [];
    private int filled;

    private NAudioReader(WaveStream reader, AudioProbeResult probe)
    {
        this.reader = reader;
        channels = probe.Channels;
        bitsPerSample = probe.BitsPerSample;
        isFloat = probe.IsFloat;
        frameBytes = probe.BitsPerSample / 8 * probe.Channels;

        // WAV of 32-bit float or 16/24-bit PCM: NAudio parses the container; the sample bytes (little-endian) are
        // copied or converted here in vectors (PcmToFloat), bit-identical to NAudio's sample providers.
        if (!(probe.Container == AudioContainer.Wav && PcmToFloat.Takes(isFloat, bitsPerSample)))
        {
            provider = reader.ToSampleProvider();
        }
    }

    public static NAudioReader Open(string path, AudioProbeResult probe)
    {
        WaveStream? stream = null;
        try
        {
            stream = probe.Container == AudioContainer.Aiff ? new AiffFileReader(path) : new WaveFileReader(path);
            return new NAudioReader(stream, probe);
        }
        catch (Exception e)
        {
            stream?.Dispose();
            if (IsDecoderError(e))
            {
                throw DecodeErrors.Failed(e.Message, e);
            }

            throw;
        }
    }

    public int Read(Span<float> destination)
    {
        try
        {
            return provider is null ? ReadRaw(destination) : ReadConverted(destination);
        }
        catch (Exception e) when (IsDecoderError(e))
        {
            throw DecodeErrors.Failed(e.Message, e);
        }
    }

    public void Finish()
    {
    }

    public void Dispose() => reader.Dispose();

    private static bool IsDecoderError(Exception e) => e is FormatException or InvalidDataException or ArgumentException or EndOfStreamException;

    private int ReadConverted(Span<float> destination)
    {
        var channels = frameBytes / 4;
        var wanted = destination.Length - (destination.Length % channels);
        var total = 0;
        int read;
        while (total < wanted && (read = provider!.Read(destination[total..wanted])) > 0)
        {
            total += read;
        }

        return total - (total % channels);
    }

    private int ReadRaw(Span<float> destination)
    {
        var wantedBytes = (destination.Length / channels) * frameBytes;
        if (bytes.Length < wantedBytes)
        {
            var kept = bytes.AsSpan(0, filled).ToArray();
            bytes = new byte[wantedBytes];
            kept.CopyTo(bytes, 0);
        }

        int read;
        while (filled < wantedBytes && (read = reader.Read(bytes, filled, wantedBytes - filled)) > 0)
        {
            filled += read;
        }

        var usable = filled - (filled % frameBytes);
        var samples = PcmToFloat.FromWavBytes(bytes.AsSpan(0, usable), isFloat, bitsPerSample, destination);
        Buffer.BlockCopy(bytes, usable, bytes, 0, filled - usable);
        filled -= usable;
        return samples;
    }
}
