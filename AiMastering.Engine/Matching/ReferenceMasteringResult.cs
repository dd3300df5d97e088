using AiMastering.Engine.Analysis;
using AiMastering.Engine.Mastering;

namespace AiMastering.Engine.Matching;

/// <summary>
/// Outcome of <see cref="ReferenceMastering.MasterFile"/>: the mastering result (its report.json with the source,
/// reference and master spectra), the match that was applied, and the reference's analysis (reference-analysis.json).
/// </summary>
public sealed record ReferenceMasteringResult(MasteringResult Mastering, ReferenceMatch Match)
{
    /// <summary>The reference's analysis (reference-analysis.json).</summary>
    public AudioAnalysis ReferenceAnalysis => Match.Reference.Analysis;
}
