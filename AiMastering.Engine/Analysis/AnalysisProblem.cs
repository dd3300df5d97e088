namespace AiMastering.Engine.Analysis;

/// <summary>A detected problem with where it happens (empty <see cref="Times"/>: the whole track).</summary>
public sealed record AnalysisProblem(
    ProblemCode Code,
    ProblemSeverity Severity,
    string Message,
    TimeRange[] Times,
    double? Value);
