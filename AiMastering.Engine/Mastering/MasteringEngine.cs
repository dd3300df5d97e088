using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// Automatic mastering: analyze → decide (named rules) → render the pre-limiter chain once → closed loop on
/// gain + true-peak limiter until the master is within ± 0.1 LU of the target and under the ceiling → analyze
/// the master. The master has the mix's sample rate, channel count and length, sample-aligned.
/// </summary>
public static class MasteringEngine
{
    /// <summary>Masters <paramref name="mix"/> (left unchanged) with the given settings and optional reference-match prelude.</summary>
    public static MasteringResult Master(
        AudioBuffer mix,
        MasteringSettings settings,
        ChainPrelude? prelude = null,
        IProgress<string>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mix);
        ArgumentNullException.ThrowIfNull(settings);
        return MasteringPipeline.Run(mix, settings.Validated(), prelude is null ? null : _ => prelude, reuseInput: false, progress, ct);
    }

    /// <summary>
    /// Decoded size (32-bit float, all channels) above which <see cref="MasterFile"/> takes the long-track path:
    /// 400 MB is about 19 minutes of 44.1 kHz stereo, 17 of 48 kHz stereo, 9 of 96 kHz stereo. The in-memory path
    /// is faster but holds the mix and the master (its peak working set is about 2.7× the decoded size, ~1.1 GB
    /// here); the long-track path stays at a few hundred MB for any length and spills up to twice the decoded size
    /// to disk.
    /// </summary>
    public const long LongTrackBytes = 400_000_000;

    /// <summary>
    /// Decodes <paramref name="input"/>, masters it, writes <paramref name="outputWav"/> (24-bit, or 16-bit dithered)
    /// and, when <paramref name="jsonDirectory"/> is given, analysis.json, decision.json and report.json there.
    /// Short tracks are processed in the decoded buffer (less memory than <see cref="Master"/>): the WAV is written as
    /// soon as the master is rendered and measured, and <paramref name="onMasterWritten"/> is called with its path then.
    /// <paramref name="onMasterRendered"/> is called just before the WAV is written with the final (for 16-bit,
    /// dithered) master, which nothing changes afterwards — e.g. to start the MP3 preview in parallel with the WAV write.
    /// Tracks whose decoded audio exceeds <see cref="LongTrackBytes"/> take the long-track path, in bounded memory:
    /// decoded, rendered and written block by block through spill files in a private folder under
    /// <paramref name="tempFolder"/> (default: the system temp folder), deleted afterwards whatever happens. There is no
    /// master buffer on that path: <paramref name="onMasterRendered"/> is not called (start a preview from the file
    /// given to <paramref name="onMasterWritten"/>, called once it is complete), and the result's
    /// <see cref="MasteringResult.Master"/> is null (the master is only in <paramref name="outputWav"/>).
    /// <paramref name="preludeFor"/> builds the prelude from the decoded mix and the engine's analysis of it, so the mix
    /// is analyzed once (e.g. <c>(mix, analysis) =&gt; ReferenceMatcher.Match(mix, analysis, ReferenceProfile.Load(referencePath)).ToPrelude()</c>).
    /// </summary>
    public static MasteringResult MasterFile(
        string input,
        string outputWav,
        MasteringSettings settings,
        string? jsonDirectory = null,
        ChainPrelude? prelude = null,
        IProgress<string>? progress = null,
        Action<string>? onMasterWritten = null,
        Func<DecodedMix, AudioAnalysis, ChainPrelude?>? preludeFor = null,
        Action<AudioBuffer>? onMasterRendered = null,
        string? tempFolder = null,
        CancellationToken ct = default) =>
        MasterFileWithThreshold(input, outputWav, settings, jsonDirectory, prelude, progress, onMasterWritten, preludeFor, onMasterRendered, tempFolder, LongTrackBytes, ct);

    /// <summary><see cref="MasterFile"/> with another threshold than <see cref="LongTrackBytes"/> (tests force the long-track path with 0).</summary>
    internal static MasteringResult MasterFileWithThreshold(
        string input,
        string outputWav,
        MasteringSettings settings,
        string? jsonDirectory,
        ChainPrelude? prelude,
        IProgress<string>? progress,
        Action<string>? onMasterWritten,
        Func<DecodedMix, AudioAnalysis, ChainPrelude?>? preludeFor,
        Action<AudioBuffer>? onMasterRendered,
        string? tempFolder,
        long longTrackBytes,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = DecodedBytes(input) > longTrackBytes
            ? LongTrackMastering.MasterFile(input, outputWav, settings.Validated(), prelude, progress, onMasterWritten, preludeFor, tempFolder, ct)
            : MasterInMemory(input, outputWav, settings, prelude, progress, onMasterWritten, preludeFor, onMasterRendered, ct);
        if (jsonDirectory is not null)
        {
            MasteringArtifacts.WriteJson(result, jsonDirectory);
        }

        return result;
    }

    private static MasteringResult MasterInMemory(
        string input,
        string outputWav,
        MasteringSettings settings,
        ChainPrelude? prelude,
        IProgress<string>? progress,
        Action<string>? onMasterWritten,
        Func<DecodedMix, AudioAnalysis, ChainPrelude?>? preludeFor,
        Action<AudioBuffer>? onMasterRendered,
        CancellationToken ct)
    {
        progress?.Report("decoding");

        // The mix's analysis runs while the file is decoded (OverlappedAnalysis), not after it.
        using var overlapped = new OverlappedAnalysis();
        var mix = Decoding.AudioDecoder.Decode(input, overlapped.Decoded);
        var mixAnalysis = overlapped.Complete(mix);
        var decoded = new DecodedMix(mix);
        Func<AudioAnalysis, ChainPrelude?>? preludeOf = prelude is not null ? _ => prelude : preludeFor is null ? null : analysis => preludeFor(decoded, analysis);
        var stages = new InMemoryStages(mix, reuseInput: true, master =>
        {
            onMasterRendered?.Invoke(master);
            progress?.Report("writing");
            Encoding.WavWriter.Write(outputWav, master, settings.BitDepth, dither: false);
            onMasterWritten?.Invoke(outputWav);
        }, mixAnalysis);
        return MasteringPipeline.Run(stages, settings.Validated(), preludeOf, progress, ct);
    }

    // From the header: frames × channels × 4 bytes; without a frame count (some FLAC), from the file size at 2:1 compression.
    private static long DecodedBytes(string input)
    {
        var probe = Decoding.AudioDecoder.Probe(input);
        if (probe.Frames > 0)
        {
            return probe.Frames * probe.Channels * sizeof(float);
        }

        var ratio = probe.Container == Decoding.AudioContainer.Flac ? 2.0 : 1.0;
        return (long)(new FileInfo(input).Length * ratio * 32 / Math.Max(8, probe.BitsPerSample));
    }
}
