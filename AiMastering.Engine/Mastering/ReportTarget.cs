namespace AiMastering.Engine.Mastering;

/// <summary>The loudness target of report.json (the effective one; see decision.json for the request).</summary>
public sealed record ReportTarget(double Lufs, double TruePeakDbtp);
