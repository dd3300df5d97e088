namespace AiMastering.Jobs.Model;

/// <summary>Loudness targets of the common platforms.</summary>
public static class TargetPresets
{
    public sealed record Preset(string Name, double Lufs, double TruePeakDbtp);

    public static IReadOnlyList<Preset> All { get; } =
    [
        new("streaming", -14, -1.0),
        new("apple", -16, -1.0),
        new("youtube", -14, -1.0),
        new("club", -8, -0.5),
        new("cd", -10, -0.3),
    ];

    public static Preset? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
