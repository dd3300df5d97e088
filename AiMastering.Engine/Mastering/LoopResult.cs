namespace AiMastering.Engine.Mastering;

/// <summary>Outcome of the closed loop: the target it settled on (lower than requested when the limiting budget stopped it, with the limiting loss that was measured), the final gain and limiter settings, the final reading and the log.</summary>
internal sealed record LoopResult(
    double TargetLufs,
    double? BudgetStopLossDb,
    double GainDb,
    double LimiterCeilingDbtp,
    double IntegratedLufs,
    double TruePeakDbtp,
    double LimiterMaxGainReductionDb,
    double LimiterAverageGainReductionDb,
    bool Converged,
    IReadOnlyList<LoopIteration> Iterations);
