namespace AiMastering.Engine.Analysis;

/// <summary>Waveform overview: per bucket (whole 10 ms steps) the lowest and highest sample over all channels (full scale = 1).</summary>
public sealed record WaveformSeries(double BucketSeconds, float[] Min, float[] Max);
