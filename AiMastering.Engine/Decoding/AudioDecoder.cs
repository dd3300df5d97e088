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

    /// <summary>Frames per chunk read from the decoder.</summary>
    private const int ChunkFrames = 65536;

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
    public static AudioBuffer Decode(string path) => Decode(path, null);

    /// <summary>
    /// <see cref="Decode(string)"/>, telling <paramref name="decoded"/> about every stretch of frames as soon as it is in
    /// the planar arrays (sample rate, the arrays, first frame, frame count), so work on it can overlap the decoding.
    /// Frames handed over are never changed afterwards (grown or trimmed arrays are copies holding the same values):
    /// keep it so, or the work done on them (<c>OverlappedAnalysis</c>) no longer describes the returned buffer.
    /// </summary>
    internal static AudioBuffer Decode(string path, Action<int, float[][], int, int>? decoded) => Decode(path, Probe(path), decoded);

    /// <summary><see cref="Decode(string, Action{int, float[][], int, int}?)"/> with the header <see cref="Probe"/> read already.</summary>
    internal static AudioBuffer Decode(string path, AudioProbeResult probe, Action<int, float[][], int, int>? decoded)
    {
        using var reader = OpenReader(path, probe);
        var builder = new PlanarBuilder(probe.Channels, probe.Frames);
        var chunk = new float[ChunkFrames * probe.Channels];
        int read;
        while ((read = reader.Read(chunk)) > 0)
        {
            var start = builder.Frames;
            builder.Append(chunk.AsSpan(0, read));
            decoded?.Invoke(probe.SampleRate, builder.Channels, start, builder.Frames - start);
        }

        reader.Finish();
        CheckComplete(probe, reader, builder.Frames);
        return Validate(new AudioBuffer(probe.SampleRate, builder.Build()));
    }

    /// <summary>
    /// Opens the file for reading in planar blocks without holding it whole (<see cref="AudioBlockReader"/>); bad
    /// input gives the same <see cref="AudioProblem"/>s as <see cref="Decode(string)"/> (the length and silence checks when
    /// the last block has been read).
    /// </summary>
    internal static AudioBlockReader OpenBlocks(string path) => OpenBlocks(path, Probe(path));

    /// <summary><see cref="OpenBlocks(string)"/> with the header <see cref="Probe"/> read already.</summary>
    internal static AudioBlockReader OpenBlocks(string path, AudioProbeResult probe) => new(probe, OpenReader(path, probe));

    /// <summary>NAudio for WAV and plain AIFF; ffmpeg for FLAC and AIFF variants (compressed, float).</summary>
    private static IInterleavedReader OpenReader(string path, AudioProbeResult probe) =>
        probe.Container == AudioContainer.Wav || (probe.Container == AudioContainer.Aiff && !probe.IsFloat && IsPlainAiff(path))
            ? NAudioReader.Open(path, probe)
            : FfmpegReader.Open(path, probe);

    /// <summary>ffmpeg decodes what it can of a cut-off FLAC; fewer frames than the header promised means a truncated file.</summary>
    internal static void CheckComplete(AudioProbeResult probe, IInterleavedReader reader, long decodedFrames)
    {
        if (reader is FfmpegReader && probe.Frames > 0 && decodedFrames < probe.Frames * 0.999)
        {
            throw DecodeErrors.Truncated(probe.DurationSeconds, decodedFrames / (double)probe.SampleRate);
        }
    }

    internal static AudioBuffer Validate(AudioBuffer audio)
    {
        CheckLength(audio.Length, audio.SampleRate);
        CheckNotSilent(audio.Channels.Max(c => TensorPrimitives.MaxMagnitude(c) is var m ? Math.Abs(m) : 0));
        return audio;
    }

    /// <summary>Refuses audio that is empty or shorter than <see cref="MinSeconds"/>.</summary>
    internal static void CheckLength(long frames, int sampleRate)
    {
        var seconds = (double)frames / sampleRate;
        if (seconds < MinSeconds)
        {
            if (frames == 0)
            {
                throw DecodeErrors.NoAudio();
            }

            throw DecodeErrors.TooShort(seconds);
        }
    }

    /// <summary>Refuses audio whose peak stays at or below <see cref="SilenceDbfs"/>.</summary>
    internal static void CheckNotSilent(float peak)
    {
        if (peak <= Math.Pow(10, SilenceDbfs / 20))
        {
            throw DecodeErrors.Silent();
        }
    }

    private static bool IsPlainAiff(string path)
    {
        using var stream = File.OpenRead(path);
        AiffHeader.Read(stream, out var compression);
        return compression is "NONE" or "twos";
    }
}
