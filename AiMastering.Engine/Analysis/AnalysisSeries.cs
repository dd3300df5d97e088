namespace AiMastering.Engine.Analysis;

/// <summary>Downsampled curves for the web page.</summary>
public sealed record AnalysisSeries(ShortTermSeries ShortTerm, WaveformSeries Waveform);
