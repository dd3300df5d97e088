namespace AiMastering.Engine.Analysis;

/// <summary>Band levels (dBFS mean square per band; -infinity when silent) at fractional-octave centre frequencies.</summary>
public sealed record FractionalOctaveSpectrum(int BandsPerOctave, double[] FrequenciesHz, double[] LevelsDb);
