using System.Numerics.Tensors;

namespace AiMastering.Engine.Decoding;

/// <summary>
/// Opens WAV, AIFF and FLAC (8-192 kHz, mono/stereo, 16/24/32-bit integer, 32-bit float). The format is
/// recognized from the bytes, never the name; every refusal is an <see cref="AudioDecodeException"/>
/// with an <see cref="AudioProblem"/> code and a message a musician understands.
/// </summary>
public static class AudioDecoder
{
    /// <summary>Shortest usable audio.</summary>
    public const double MinSeconds = 1.0;

    /// <summary>Audio whose peak stays below this is treated as silent.</summary>
    public const double SilenceDbfs = -90;

    private const int SniffBytes = 4096;

    /// <summary>Reads only the header: container, rate, channels, bits, frames. Validates what the header claims.</summary>
    public static AudioProbeResult Probe(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw DecodeErrors.NotFound(path);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        if (stream.Length == 0)
        {
            throw DecodeErrors.Empty();
        }

        var head = new byte[(int)Math.Min(SniffBytes, stream.Length)];
        stream.ReadExactly(head);
        var container = ContainerSniffer.Sniff(head);
        var declared = ContainerSniffer.FromExtension(path);
        if (container == AudioContainer.Unknown)
        {
            throw DecodeErrors.NotAudio();
        }

        if (declared is AudioContainer.Wav or AudioContainer.Aiff or AudioContainer.Flac && declared != container)
        {
            throw DecodeErrors.Mismatch(Path.GetExtension(path), container);
        }

        try
        {
            return container switch
            {
                AudioContainer.Wav => WavHeader.Read(stream),
                AudioContainer.Aiff => AiffHeader.Read(stream, out _),
                AudioContainer.Flac => FlacHeader.Read(stream),
                _ => throw DecodeErrors.Unsupported(container),
            };
        }
        catch (EndOfStreamException e)
        {
            throw new AudioDecodeException(AudioProblem.Truncated, DecodeErrors.TruncatedHeader().Message, e);
        }
    }

    /// <summary>Decodes the whole file to planar float and checks it is usable (length, not silent).</summary>
    public static AudioBuffer Decode(string path)
    {
        var probe = Probe(path);
        float[][] channels;
        if (probe.Container == AudioContainer.Wav || (probe.Container == AudioContainer.Aiff && !probe.IsFloat && IsPlainAiff(path)))
        {
            try
            {
                channels = NAudioReader.Read(path, probe);
            }
            catch (Exception e) when (e is FormatException or InvalidDataException or ArgumentException or EndOfStreamException)
            {
                throw DecodeErrors.Failed(e.Message, e);
            }
        }
        else
        {
            channels = FfmpegReader.Read(path, probe, out _);
            var decoded = channels[0].Length;
            if (probe.Frames > 0 && decoded < probe.Frames * 0.999)
            {
                throw DecodeErrors.Truncated(probe.DurationSeconds, decoded / (double)probe.SampleRate);
            }
        }

        return Validate(new AudioBuffer(probe.SampleRate, channels));
    }

    internal static AudioBuffer Validate(AudioBuffer audio)
    {
        if (audio.DurationSeconds < MinSeconds)
        {
            if (audio.Length == 0)
            {
                throw DecodeErrors.NoAudio();
            }

            throw DecodeErrors.TooShort(audio.DurationSeconds);
        }

        var peak = audio.Channels.Max(c => TensorPrimitives.MaxMagnitude(c) is var m ? Math.Abs(m) : 0);
        if (peak <= Math.Pow(10, SilenceDbfs / 20))
        {
            throw DecodeErrors.Silent();
        }

        return audio;
    }

    private static bool IsPlainAiff(string path)
    {
        using var stream = File.OpenRead(path);
        AiffHeader.Read(stream, out var compression);
        return compression is "NONE" or "twos";
    }
}
