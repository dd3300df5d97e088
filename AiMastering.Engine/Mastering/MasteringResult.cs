using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// The master (same rate, channels and length as the mix; already quantised and dithered when 16-bit) with
/// the analyses before and after, decision.json and report.json.
/// </summary>
public sealed record MasteringResult(
    AudioBuffer Master,
    AudioAnalysis Before,
    AudioAnalysis After,
    DecisionDocument Decision,
    MasteringReport Report,
    int BitDepth);
