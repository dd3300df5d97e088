namespace AiMastering.Engine.Processing;

/// <summary>
/// Feed-forward compressor settings (also one band of <see cref="MultibandCompressor"/>).
/// </summary>
/// <param name="ThresholdDb">Level (dBFS of the detector) where compression starts (centre of the knee).</param>
/// <param name="Ratio">Input:output slope above the threshold, ≥ 1 (1 = off).</param>
/// <param name="KneeDb">Width of the quadratic soft knee, dB (0 = hard knee).</param>
/// <param name="AttackMs">Time constant of the gain reduction rising.</param>
/// <param name="ReleaseMs">Time constant of the gain reduction falling.</param>
/// <param name="MakeupGainDb">Static gain added after compression.</param>
/// <param name="Detector">Peak or RMS level detection (channels linked).</param>
/// <param name="RmsWindowMs">Averaging time of the RMS detector.</param>
public sealed record CompressorSettings(
    double ThresholdDb = -18,
    double Ratio = 2,
    double KneeDb = 6,
    double AttackMs = 10,
    double ReleaseMs = 150,
    double MakeupGainDb = 0,
    LevelDetector Detector = LevelDetector.Rms,
    double RmsWindowMs = 10);
