namespace AiMastering.Jobs.Model;

/// <summary>Where a running job is: its stage (<see cref="JobStages"/>), how far into it, and the estimated time left.</summary>
/// <param name="Stage">A <see cref="JobStages"/> code.</param>
/// <param name="Fraction">0..1 of the stage; null when the stage cannot tell.</param>
/// <param name="EtaSeconds">Estimated seconds until the job is done; null while unknown.</param>
public sealed record JobProgress(string Stage, double? Fraction = null, double? EtaSeconds = null);
