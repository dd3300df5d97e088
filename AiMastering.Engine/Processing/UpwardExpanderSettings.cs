namespace AiMastering.Engine.Processing;

/// <summary>
/// Upward expander: above <paramref name="ThresholdDb"/> the level rises by (Ratio − 1) dB per dB
/// (e.g. 1.2:1 restores transients squashed by the mix bus), limited to <paramref name="MaxGainDb"/>.
/// </summary>
public sealed record UpwardExpanderSettings(
    double ThresholdDb = -20,
    double Ratio = 1.2,
    double KneeDb = 6,
    double AttackMs = 2,
    double ReleaseMs = 80,
    double MaxGainDb = 4,
    LevelDetector Detector = LevelDetector.Peak,
    double RmsWindowMs = 5);
