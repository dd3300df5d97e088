namespace AiMastering.Engine.Mastering;

/// <summary>One render of the closed loop: gain into the limiter and what the output measured.</summary>
public sealed record LoopIteration(int Iteration, double GainDb, double CeilingDbtp, double IntegratedLufs, double TruePeakDbtp, double LimiterMaxGainReductionDb);
