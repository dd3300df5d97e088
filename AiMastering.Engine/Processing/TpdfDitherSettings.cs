namespace AiMastering.Engine.Processing;

/// <summary>TPDF dither and quantisation to <paramref name="BitDepth"/> bits; <paramref name="Seed"/> makes it reproducible.</summary>
public sealed record TpdfDitherSettings(int BitDepth = 16, ulong Seed = 0x9E3779B97F4A7C15);
