namespace AiMastering.Engine.Mastering;

/// <summary>Outcome of the closed loop: the final gain and limiter settings, the final reading and the log.</summary>
internal sealed record LoopResult(
    double GainDb,
    double LimiterCeilingDbtp,
    double IntegratedLufs,
    double TruePeakDbtp,
    double LimiterMaxGainReductionDb,
    double LimiterAverageGainReductionDb,
    bool Converged,
    IReadOnlyList<LoopIteration> Iterations);
