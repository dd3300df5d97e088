namespace AiMastering.Engine.Processing;

/// <summary>
/// Settings of <see cref="TruePeakLimiter"/>.
/// </summary>
/// <param name="CeilingDbtp">Output true-peak ceiling, dBTP.</param>
/// <param name="LookaheadMs">Look-ahead (attack) window, 0.5–10 ms; 1.5–5 ms is typical.</param>
/// <param name="ReleaseMs">Release time constant for isolated peaks.</param>
/// <param name="SustainedReleaseMs">Release time constant while limiting is sustained (dense material), to avoid pumping and distortion.</param>
/// <param name="BandLimit">Low-pass the audio at 0.46·fs (flat to 0.43·fs) before limiting, as the decimation filter of an oversampled limiter would; keeps the true-peak guarantee for content near Nyquist.</param>
/// <param name="OversamplingFactor">Points per sample of the true-peak detector (4 is the BS.1770 minimum; 8 catches near-Nyquist peaks within ~0.15 dB).</param>
public sealed record TruePeakLimiterSettings(
    double CeilingDbtp = -1.0,
    double LookaheadMs = 2.0,
    double ReleaseMs = 60,
    double SustainedReleaseMs = 400,
    int OversamplingFactor = 8,
    bool BandLimit = true);
