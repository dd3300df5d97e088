namespace AiMastering.Engine.Mastering;

/// <summary>
/// An integrated-loudness target (ITU-R BS.1770 LUFS) and a true-peak ceiling (dBTP). The engine knows no preset
/// names: <see cref="Source"/> and <see cref="Describes"/> are the caller's words for the target, copied into
/// decision.json (<c>target.source</c>) and the explanation, never interpreted.
/// </summary>
public sealed record LoudnessTarget(double Lufs, double TruePeakDbtp)
{
    /// <summary>decision.json's <c>target.source</c> for a target the caller did not name (the catalog's <c>custom</c>).</summary>
    public const string Unnamed = "custom";

    /// <summary>decision.json's <c>target.source</c> when the reference track set the loudness (the catalog's <c>reference</c>).</summary>
    public const string FromReference = "reference";

    /// <summary>The id of the target for decision.json (e.g. a preset id).</summary>
    public string Source { get; init; } = Unnamed;

    /// <summary>How the explanation names the target ("streaming platforms play music"); null: "your chosen target".</summary>
    public string? Describes { get; init; }
}
