namespace AiMastering.Engine.Mastering;

/// <summary>
/// report.json: before/after figures, the closed-loop iteration log, a plain-language explanation built only
/// from decision.json, warnings and the spectra for the chart.
/// </summary>
public sealed record MasteringReport(
    int SchemaVersion,
    LoudnessFigures Before,
    LoudnessFigures After,
    ReportTarget Target,
    IReadOnlyList<LoopIteration> Iterations,
    IReadOnlyList<string> Explanation,
    IReadOnlyList<string> Warnings,
    ReportSpectra? Spectra)
{
    public const int CurrentSchemaVersion = 1;
}
