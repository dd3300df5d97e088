namespace AiMastering.Engine.Mastering;

/// <summary>
/// The loudness the chain aimed for. <see cref="Source"/>: the caller's id of the target (<see cref="LoudnessTarget.Source"/>), or <c>reference</c> when the reference track set it.
/// <see cref="RequestedLufs"/> differs from <see cref="Lufs"/> when a rule stopped short of the request.
/// </summary>
public sealed record DecisionTarget(double Lufs, double TruePeakDbtp, string Source, double RequestedLufs);
