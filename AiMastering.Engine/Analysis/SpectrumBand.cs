namespace AiMastering.Engine.Analysis;

/// <summary>
/// One tonal-balance band: <see cref="LevelDb"/> is its mean-square level (dBFS), <see cref="RelativeDb"/>
/// its level relative to the 20 Hz-20 kHz total, <see cref="ReferenceRelativeDb"/> what pink noise would
/// give, <see cref="DeviationDb"/> = relative - reference (positive: more than neutral).
/// </summary>
public sealed record SpectrumBand(
    string Name,
    double LowHz,
    double HighHz,
    double? LevelDb,
    double? RelativeDb,
    double ReferenceRelativeDb,
    double? DeviationDb);
