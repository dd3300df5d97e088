namespace AiMastering.Engine.Processing;

/// <summary>
/// Multiband compressor: ascending <paramref name="CrossoverHz"/> (1–3 frequencies) and one
/// <see cref="CompressorSettings"/> per band (crossovers + 1), lowest band first.
/// </summary>
public sealed record MultibandCompressorSettings(IReadOnlyList<double> CrossoverHz, IReadOnlyList<CompressorSettings> Bands);
