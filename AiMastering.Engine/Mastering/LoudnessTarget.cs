namespace AiMastering.Engine.Mastering;

/// <summary>
/// An integrated-loudness target (ITU-R BS.1770 LUFS) and a true-peak ceiling (dBTP).
/// <see cref="Name"/> is the preset name, <c>custom</c>, or <c>reference</c> when a reference track set it.
/// </summary>
public sealed record LoudnessTarget(string Name, double Lufs, double TruePeakDbtp)
{
    public const string Custom = "custom";

    /// <summary>The platform presets: streaming, apple, youtube, club, cd.</summary>
    public static IReadOnlyList<LoudnessTarget> Presets { get; } =
    [
        new("streaming", -14, -1.0),
        new("apple", -16, -1.0),
        new("youtube", -14, -1.0),
        new("club", -8, -0.5),
        new("cd", -10, -0.3),
    ];

    public static LoudnessTarget Streaming => Presets[0];

    /// <summary>The preset called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such preset.</exception>
    public static LoudnessTarget FromPreset(string name) =>
        Presets.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown loudness target '{name}' (known: {string.Join(", ", Presets.Select(p => p.Name))}).", nameof(name));
}
