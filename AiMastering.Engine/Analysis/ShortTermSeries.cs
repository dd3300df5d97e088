namespace AiMastering.Engine.Analysis;

/// <summary>
/// Short-term loudness (3 s window) every <see cref="IntervalSeconds"/>; value i belongs to the window
/// ending at <see cref="StartSeconds"/> + i * interval. Null = below -120 LUFS / silence.
/// </summary>
public sealed record ShortTermSeries(double StartSeconds, double IntervalSeconds, double?[] ValuesLufs);
