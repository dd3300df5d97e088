namespace AiMastering.Engine.Encoding;

/// <summary>What <see cref="Mp3PreviewEncoder"/> did.</summary>
/// <param name="TruePeakDbtp">True peak of the decoded preview (its own rate), dBTP.</param>
/// <param name="GainDb">Attenuation of the last encode, to keep that under the ceiling (≤ 0; 0 when none was needed).</param>
/// <param name="Seconds">Wall-clock time of everything: encodes, joins, decodes and measurements.</param>
/// <param name="SampleRate">The preview's sample rate (the master's, or 44.1/48 kHz when MP3 cannot carry it).</param>
/// <param name="Segments">Parts encoded in parallel and joined.</param>
/// <param name="Encodes">1, or more when the first encode was over the ceiling.</param>
/// <param name="PredictedTruePeakDbtp">
/// The unattenuated preview's true peak as predicted before the first encode (<see cref="Mp3PeakPredictor"/>), which set
/// that encode's attenuation. Exact above ceiling − 0.1 dB; below, where no attenuation is needed, only bounded: some value
/// at or under it (−∞ when the master is far enough under the ceiling that nothing had to be computed).
/// </param>
/// <param name="ProbeWindows">Windows of the master encoded to measure the coding overshoot before the first encode (<see cref="Mp3CodingProbe"/>; 0 when the prediction had the preview under the ceiling).</param>
/// <param name="ProbeSeconds">Wall-clock time of that probe (0 when there was none).</param>
public sealed record Mp3PreviewResult(double TruePeakDbtp, double GainDb, double Seconds, int SampleRate, int Segments, int Encodes, double PredictedTruePeakDbtp, int ProbeWindows = 0, double ProbeSeconds = 0);
