using System.Text.Json;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Encoding;

namespace AiMastering.Engine.Mastering;

/// <summary>Writes master.wav and the JSON documents (analysis.json of the master, decision.json, report.json, and reference-analysis.json after a match).</summary>
public static class MasteringArtifacts
{
    public const string AnalysisFile = "analysis.json";
    public const string DecisionFile = "decision.json";
    public const string ReportFile = "report.json";
    public const string ReferenceAnalysisFile = "reference-analysis.json";

    /// <summary>Writes the master at the result's bit depth (16-bit samples are already dithered and quantised).</summary>
    public static void WriteMaster(MasteringResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        var master = result.Master ?? throw new ArgumentException("The long-track path wrote the master to its file and holds no copy in memory.", nameof(result));
        WavWriter.Write(path, master, result.BitDepth, dither: false);
    }

    public static void WriteJson(MasteringResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, AnalysisFile), JsonSerializer.Serialize(result.After, EngineJsonContext.Default.AudioAnalysis));
        File.WriteAllText(Path.Combine(directory, DecisionFile), JsonSerializer.Serialize(result.Decision, MasteringJsonContext.Default.DecisionDocument));
        File.WriteAllText(Path.Combine(directory, ReportFile), JsonSerializer.Serialize(result.Report, MasteringJsonContext.Default.MasteringReport));
        if (result.Match is { } match)
        {
            File.WriteAllText(Path.Combine(directory, ReferenceAnalysisFile), JsonSerializer.Serialize(match.Reference.Analysis, EngineJsonContext.Default.AudioAnalysis));
        }
    }
}
