namespace AiMastering.Engine.Processing;

/// <summary>
/// One dynamic EQ band: a bell (<see cref="EqBandShape.Peaking"/>) or first-order shelf whose cut
/// follows the level of its own band above <paramref name="ThresholdDb"/> at <paramref name="Ratio"/>,
/// never deeper than <paramref name="MaxCutDb"/>. Idle (level below threshold) it is transparent.
/// </summary>
public sealed record DynamicEqSettings(
    EqBandShape Shape,
    double FrequencyHz,
    double ThresholdDb,
    double Q = 1.0,
    double Ratio = 3,
    double MaxCutDb = 6,
    double AttackMs = 5,
    double ReleaseMs = 80,
    LevelDetector Detector = LevelDetector.Rms);
