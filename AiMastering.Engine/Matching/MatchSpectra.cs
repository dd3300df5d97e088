using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Matching;

/// <summary>
/// The three spectra for report.json: smoothed long-term mid spectra of the louder passages at 1/6-octave
/// points, each shifted so its mean over 62.5 Hz–16 kHz is 0 dB (tonal balance, independent of level).
/// </summary>
public sealed record MatchSpectra(
    IReadOnlyList<SpectrumPoint> Source,
    IReadOnlyList<SpectrumPoint> Reference,
    IReadOnlyList<SpectrumPoint> Master);
