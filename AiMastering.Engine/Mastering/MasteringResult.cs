using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// The master (same rate, channels and length as the mix; already quantised and dithered when 16-bit) with
/// the analyses before and after, decision.json and report.json.
/// </summary>
/// <param name="Master">The master in memory; null when <see cref="MasteringEngine.Master(MasteringRequest, CancellationToken)"/> took the long-track
/// path, which never holds the whole master: it is then only in the written WAV file.</param>
public sealed record MasteringResult(
    AudioBuffer? Master,
    AudioAnalysis Before,
    AudioAnalysis After,
    DecisionDocument Decision,
    MasteringReport Report,
    int BitDepth)
{
    /// <summary>The reference match that was applied; null without a reference.</summary>
    public Matching.ReferenceMatch? Match { get; init; }
}
