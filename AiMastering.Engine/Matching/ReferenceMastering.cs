using System.Text.Json;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Mastering;

namespace AiMastering.Engine.Matching;

/// <summary>
/// Mastering to a reference track, file to file — the path of the worker and of <c>aimaster master --reference</c>:
/// the reference is decoded and measured once (its analysis for reference-analysis.json and its spectra for the match)
/// in parallel with the mix's decode and analysis; the mix is mastered by <see cref="MasteringEngine.MasterFile"/> with
/// the match as the chain prelude, the match reusing the engine's analysis of the mix; report.json's chart gets the
/// source, reference and master tonal balance (the master's spectrum is the only extra measurement).
/// </summary>
public static class ReferenceMastering
{
    public const string ReferenceAnalysisFile = "reference-analysis.json";

    /// <summary>
    /// Masters <paramref name="input"/> toward <paramref name="referencePath"/> and writes <paramref name="outputWav"/>
    /// (and, with <paramref name="jsonDirectory"/>, analysis.json, decision.json, report.json and reference-analysis.json).
    /// <paramref name="onMasterRendered"/> gets the final master and its true-peak ceiling just before the WAV is written (e.g. to
    /// start the MP3 preview), <paramref name="onMasterWritten"/> the WAV's path once written. A long mix takes the engine's
    /// long-track path (spill files under <paramref name="tempFolder"/>): there is no master buffer, so
    /// <paramref name="onMasterRendered"/> is not called, and the master's spectrum for report.json is read from the file.
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
        string? tempFolder = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // The reference is decoded and measured (analysis and spectra) while the mix is decoded and analyzed; its audio
        // is released once measured, before the mastering chain needs its second buffer.
        progress?.Report("measuring the reference (in parallel)");
        var reference = Task.Run(() => ReferenceProfile.Load(referencePath), ct);
        _ = reference.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        ReferenceMatch? match = null;
        var result = MasteringEngine.MasterFile(
            input,
            outputWav,
            settings,
            progress: progress,
            onMasterWritten: onMasterWritten,
            preludeFor: (mix, analysis) =>
            {
                var source = ReferenceProfile.MeasureTrack(mix, analysis);
                var measured = reference.GetAwaiter().GetResult();

                // The reference's audio, as large as the mix, is garbage now but sits in the large-object heap until a
                // full collection; collect it before the chain allocates the master, so the process never holds three tracks.
                GC.Collect();
                progress?.Report("match curves");
                match = ReferenceMatcher.Match(source, measured, matchSettings ?? new ReferenceMatchSettings(), platformTargetLufs);
                return match.ToPrelude();
            },
            onMasterRendered: master => onMasterRendered?.Invoke(master, match!.CeilingDbtp),
            tempFolder: tempFolder,
            ct: ct);
        progress?.Report("report spectra");
        var spectra = result.Master is { } master ? match!.Spectra(master) : match!.Spectra(outputWav, ct);
        result = result with { Report = result.Report with { Spectra = ReportSpectra(spectra) } };
        if (jsonDirectory is not null)
        {
            MasteringArtifacts.WriteJson(result, jsonDirectory);
            File.WriteAllText(Path.Combine(jsonDirectory, ReferenceAnalysisFile), JsonSerializer.Serialize(match.Reference.Analysis, EngineJsonContext.Default.AudioAnalysis));
        }

        return new ReferenceMasteringResult(result, match);
    }

    private static ReportSpectra ReportSpectra(MatchSpectra spectra)
    {
        static SpectrumPoint[] Points(IReadOnlyList<SpectrumPoint> points) => [.. points];
        return new ReportSpectra(Points(spectra.Source), Points(spectra.Reference), Points(spectra.Master));
    }
}
