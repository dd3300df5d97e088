namespace AiMastering.Engine.Analysis;

/// <summary>One point of a spectrum or gain curve: frequency in Hz and a level or gain in dB.</summary>
public readonly record struct SpectrumPoint(double Hz, double Db);
