namespace AiMastering.Engine.Analysis;

/// <summary>
/// A loudness curve (momentary 400 ms or short-term 3 s windows), one value every
/// <see cref="IntervalSeconds"/>; value i belongs to the window ending at <see cref="StartSeconds"/> +
/// i * interval (when downsampled, the loudest window of each group). Null = below -120 LUFS / silence.
/// </summary>
public sealed record LoudnessCurve(double StartSeconds, double IntervalSeconds, double?[] ValuesLufs);
