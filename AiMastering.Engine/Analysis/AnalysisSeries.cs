namespace AiMastering.Engine.Analysis;

/// <summary>Downsampled curves for the web page (at most 2,000 points each).</summary>
public sealed record AnalysisSeries(LoudnessCurve ShortTerm, LoudnessCurve Momentary, WaveformSeries Waveform);
