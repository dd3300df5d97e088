using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Mastering;

/// <summary>The headline figures of an analysis, for report.json and the CLI.</summary>
public sealed record LoudnessFigures(
    double? IntegratedLufs,
    double? TruePeakDbtp,
    double RangeLu,
    double? PlrDb,
    double? PsrDb,
    double? CrestFactorDb,
    double? SamplePeakDbfs,
    double? Correlation,
    int ProblemCount)
{
    public static LoudnessFigures From(AudioAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new LoudnessFigures(
            analysis.Loudness.IntegratedLufs,
            analysis.Loudness.TruePeakDbtp,
            analysis.Loudness.RangeLu,
            analysis.Dynamics.PlrDb,
            analysis.Dynamics.PsrDb,
            analysis.Dynamics.CrestFactorDb,
            analysis.Loudness.SamplePeakDbfs,
            analysis.Stereo.Correlation,
            analysis.Problems.Length);
    }
}
