namespace AiMastering.Engine.Analysis;

/// <summary>
/// Stereo image. Correlation is the normalized L/R cross-correlation at lag 0 (+1 mono, 0 unrelated,
/// -1 polarity-inverted). Side-to-mid is 10 log10(E[(L-R)^2] / E[(L+R)^2]). Mono fold-down loss is the
/// level change (dB, negative = quieter) of (L+R)/2 played on both speakers versus the stereo original.
/// For mono files correlation is 1 and the side is silent (null).
/// </summary>
public sealed record StereoAnalysis(
    double? Correlation,
    double? SideToMidDb,
    double? MonoFoldDownLossDb,
    double? BalanceDb,
    StereoBand[] Bands);
