using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Mastering;

/// <summary>Long-term spectra of the mix, the reference (when matched) and the master.</summary>
public sealed record ReportSpectra(IReadOnlyList<SpectrumPoint> Source, IReadOnlyList<SpectrumPoint>? Reference, IReadOnlyList<SpectrumPoint> Master);
