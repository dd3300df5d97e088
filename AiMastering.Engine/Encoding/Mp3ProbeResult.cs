namespace AiMastering.Engine.Encoding;

/// <summary>What <see cref="Mp3CodingProbe"/> measured on its sample of the master.</summary>
/// <param name="SampledPeakDbtp">True peak of the decoded sample (its measured frames), dBTP.</param>
/// <param name="OvershootDb">Largest decoded window true peak over the lowpassed master's in that window, dB.</param>
/// <param name="Windows">Windows encoded.</param>
/// <param name="SampledFraction">Part of the preview's length measured (the windows' measured frames).</param>
/// <param name="SampledSeconds">Master audio encoded, warm-up frames included, in seconds.</param>
/// <param name="Seconds">Wall-clock time of the probe.</param>
internal sealed record Mp3ProbeResult(double SampledPeakDbtp, double OvershootDb, int Windows, double SampledFraction, double SampledSeconds, double Seconds);
