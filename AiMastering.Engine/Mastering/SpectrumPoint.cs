namespace AiMastering.Engine.Mastering;

/// <summary>One point of a long-term average spectrum for the web chart (1/6 octave, dBFS band power).</summary>
public sealed record SpectrumPoint(double Hz, double Db);
