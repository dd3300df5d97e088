namespace AiMastering.Engine.Analysis;

/// <summary>Stereo figures in one tonal-balance band (from the averaged cross-spectrum).</summary>
public sealed record StereoBand(string Name, double LowHz, double HighHz, double? Correlation, double? SideToMidDb);
