namespace AiMastering.Engine.Analysis;

/// <summary>
/// Tonal balance of the louder passages. <see cref="ReferenceTilt"/> names the neutral reference: pink
/// noise (-3 dB/octave power density, i.e. equal energy per octave); a band's
/// <see cref="SpectrumBand.ReferenceRelativeDb"/> is its octave share of 20 Hz-20 kHz, so pink noise has
/// <see cref="SpectrumBand.DeviationDb"/> = 0 in every band and a flat <see cref="Ltas"/>.
/// </summary>
public sealed record SpectrumAnalysis(string ReferenceTilt, SpectrumBand[] Bands, LtasPoint[] Ltas);
