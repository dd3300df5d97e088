namespace AiMastering.Jobs.Model.Catalog;

/// <summary>The intensities a musician can choose. The only definition (the engine receives the level).</summary>
public static class Intensities
{
    public static IReadOnlyList<IntensityChoice> All { get; } =
    [
        new("low", 0),
        new("medium", 1),
        new("high", 2),
    ];

    public static IntensityChoice Default => Find("medium")!;

    public static IntensityChoice? Find(string id) => All.FirstOrDefault(i => i.Id == id);
}
