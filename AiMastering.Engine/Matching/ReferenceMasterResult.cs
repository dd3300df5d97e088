namespace AiMastering.Engine.Matching;

/// <summary>Outcome of <see cref="ReferenceMastering.Master"/>: the master and what the closed loop measured on it.</summary>
public sealed record ReferenceMasterResult(
    AudioBuffer Master,
    double IntegratedLufs,
    double TruePeakDbtp,
    double GainDb,
    int Passes);
