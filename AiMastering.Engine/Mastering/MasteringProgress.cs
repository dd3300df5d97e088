namespace AiMastering.Engine.Mastering;

/// <summary>Where a mastering run is: its stage, how far into that stage, and how far into the whole run.</summary>
/// <param name="Stage">The stage running now.</param>
/// <param name="Fraction">0 at the stage's start, 1 at its end.</param>
/// <param name="Overall">0..1 over the whole run, from each stage's usual share of the time (an estimate, for an ETA).</param>
public readonly record struct MasteringProgress(MasteringStage Stage, double Fraction, double Overall);
