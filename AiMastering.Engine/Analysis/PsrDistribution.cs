namespace AiMastering.Engine.Analysis;

/// <summary>Distribution of the peak-to-short-term-loudness ratio over the gated 3 s windows.</summary>
public sealed record PsrDistribution(double MinDb, double P10Db, double MedianDb, double P90Db, double MaxDb);
