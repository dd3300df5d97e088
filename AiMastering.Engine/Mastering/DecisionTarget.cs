namespace AiMastering.Engine.Mastering;

/// <summary>
/// The loudness the chain aimed for. <see cref="Source"/>: the preset name, <c>custom</c> or <c>reference</c>.
/// <see cref="RequestedLufs"/> differs from <see cref="Lufs"/> when a rule stopped short of the request.
/// </summary>
public sealed record DecisionTarget(double Lufs, double TruePeakDbtp, string Source, double RequestedLufs);
