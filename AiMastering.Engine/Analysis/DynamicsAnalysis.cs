namespace AiMastering.Engine.Analysis;

/// <summary>
/// Dynamics. RMS is 20 log10 of the RMS over all channels (a full-scale square wave = 0 dBFS, a full-scale
/// sine = -3.01 dBFS); crest factor = sample peak - RMS; PLR = true peak - integrated loudness;
/// PSR = short-term true peak - short-term loudness, per 3 s window every 100 ms over the gated windows
/// (<see cref="PsrDb"/> is the median); DR is the DR-meter score (3 s blocks, top 20 % RMS, second-highest peak).
/// </summary>
public sealed record DynamicsAnalysis(
    double? RmsDbfs,
    double? CrestFactorDb,
    double? PlrDb,
    double? PsrDb,
    PsrDistribution? PsrDistributionDb,
    int? Dr,
    double? DrExactDb);
