namespace AiMastering.Engine.Analysis;

/// <summary>
/// One 1/6-octave band of the long-term average spectrum: band power (dBFS mean square, not density) of the
/// channel average, the mid (L+R)/2 and the side (L-R)/2 signals. Pink noise reads flat.
/// </summary>
public sealed record LtasPoint(double FrequencyHz, double? LevelDb, double? MidDb, double? SideDb);
