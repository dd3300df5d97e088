using System.Text.Json;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Mastering;

namespace AiMastering.Engine.Matching;

/// <summary>
/// Mastering to a reference track, file to file — the path of the worker and of <c>aimaster master --reference</c>:
/// the reference is decoded and measured (its analysis for reference-analysis.json, its profile for the match),
/// the mix is mastered by <see cref="MasteringEngine.MasterFile"/> with the match as the chain prelude, and
/// report.json's chart gets the source, reference and master tonal balance.
/// </summary>
public static class ReferenceMastering
{
    public const string ReferenceAnalysisFile = "reference-analysis.json";

    /// <summary>
    /// Masters <paramref name="input"/> toward <paramref name="referencePath"/> and writes <paramref name="outputWav"/>
    /// (and, with <paramref name="jsonDirectory"/>, analysis.json, decision.json, report.json and reference-analysis.json).
    /// <paramref name="onMasterRendered"/> gets the final master and its true-peak ceiling just before the WAV is written (e.g. to
    /// start the MP3 preview), <paramref name="onMasterWritten"/> the WAV's path once written.
    /// Problems with the mix throw <see cref="Decoding.AudioDecodeException"/>, problems with the reference
    /// <see cref="ReferenceTrackException"/>.
    /// </summary>
    public static ReferenceMasteringResult MasterFile(
        string input,
        string referencePath,
        string outputWav,
        MasteringSettings settings,
        ReferenceMatchSettings? matchSettings = null,
        double? platformTargetLufs = null,
        string? jsonDirectory = null,
        IProgress<string>? progress = null,
        Action<string>? onMasterWritten = null,
        Action<AudioBuffer, double>? onMasterRendered = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        progress?.Report("measuring the reference");
        var referenceAudio = ReferenceProfile.Decode(referencePath);
        var referenceAnalysis = Task.Run(() => Analyzer.Analyze(referenceAudio), ct);
        ReferenceMatch? match = null;
        var result = MasteringEngine.MasterFile(
            input,
            outputWav,
            settings,
            progress: progress,
            onMasterWritten: onMasterWritten,
            preludeFor: mix =>
            {
                match = ReferenceMatcher.Match(mix, referenceAudio, matchSettings, platformTargetLufs);
                return match.ToPrelude(mix.SampleRate, mix.ChannelCount);
            },
            onMasterRendered: master => onMasterRendered?.Invoke(master, match!.CeilingDbtp),
            ct: ct);
        progress?.Report("report spectra");
        var spectra = match!.Spectra(result.Master);
        result = result with { Report = result.Report with { Spectra = ReportSpectra(spectra) } };
        var reference = referenceAnalysis.GetAwaiter().GetResult();
        if (jsonDirectory is not null)
        {
            MasteringArtifacts.WriteJson(result, jsonDirectory);
            File.WriteAllText(Path.Combine(jsonDirectory, ReferenceAnalysisFile), JsonSerializer.Serialize(reference, EngineJsonContext.Default.AudioAnalysis));
        }

        return new ReferenceMasteringResult(result, match, reference);
    }

    private static ReportSpectra ReportSpectra(MatchSpectra spectra)
    {
        static Mastering.SpectrumPoint[] Points(IReadOnlyList<SpectrumPoint> points) => [.. points.Select(p => new Mastering.SpectrumPoint(p.Hz, p.Db))];
        return new ReportSpectra(Points(spectra.Source), Points(spectra.Reference), Points(spectra.Master));
    }
}
