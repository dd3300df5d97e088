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
    /// Decodes <paramref name="input"/>, masters it, writes <paramref name="outputWav"/> (24-bit, or 16-bit dithered)
    /// and, when <paramref name="jsonDirectory"/> is given, analysis.json, decision.json and report.json there.
    /// The decoded buffer is reused for processing, so this needs less memory than <see cref="Master"/>.
    /// The WAV is written as soon as the master is rendered and measured, and <paramref name="onMasterWritten"/> is
    /// called with its path then. <paramref name="onMasterRendered"/> is called just before the WAV is written with the
    /// final (for 16-bit, dithered) master, which nothing changes afterwards — e.g. to start the MP3 preview in
    /// parallel with the WAV write.
    /// <paramref name="preludeFor"/> builds the prelude from the decoded mix and
    /// the engine's analysis of it, so the mix is analyzed once (e.g. <c>(mix, analysis) =&gt; ReferenceMatcher.Match(mix,
    /// analysis, ReferenceProfile.Load(referencePath)).ToPrelude()</c>).
    /// </summary>
    public static MasteringResult MasterFile(
        string input,
        string outputWav,
        MasteringSettings settings,
        string? jsonDirectory = null,
        ChainPrelude? prelude = null,
        IProgress<string>? progress = null,
        Action<string>? onMasterWritten = null,
        Func<AudioBuffer, AudioAnalysis, ChainPrelude?>? preludeFor = null,
        Action<AudioBuffer>? onMasterRendered = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        progress?.Report("decoding");
        var mix = Decoding.AudioDecoder.Decode(input);
        Func<AudioAnalysis, ChainPrelude?>? preludeOf = prelude is not null ? _ => prelude : preludeFor is null ? null : analysis => preludeFor(mix, analysis);
        var result = MasteringPipeline.Run(mix, settings.Validated(), preludeOf, reuseInput: true, progress, ct, master =>
        {
            onMasterRendered?.Invoke(master);
            progress?.Report("writing");
            Encoding.WavWriter.Write(outputWav, master, settings.BitDepth, dither: false);
            onMasterWritten?.Invoke(outputWav);
        });
        if (jsonDirectory is not null)
        {
            MasteringArtifacts.WriteJson(result, jsonDirectory);
        }

        return result;
    }
}
