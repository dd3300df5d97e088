namespace AiMastering.Engine.Analysis;

public sealed record TimeRange(double StartSeconds, double EndSeconds);
