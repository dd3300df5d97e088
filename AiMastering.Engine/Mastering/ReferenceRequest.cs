using AiMastering.Engine.Matching;

namespace AiMastering.Engine.Mastering;

/// <summary>A reference track to master toward.</summary>
/// <param name="Path">The reference file (WAV, AIFF or FLAC).</param>
/// <param name="MatchSettings">How far to match (default: fully).</param>
/// <param name="PlatformTargetLufs">A loudness the musician chose, which then wins over the reference's own loudness.</param>
public sealed record ReferenceRequest(string Path, ReferenceMatchSettings? MatchSettings = null, double? PlatformTargetLufs = null);
