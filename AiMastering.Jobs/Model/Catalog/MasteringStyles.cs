namespace AiMastering.Jobs.Model.Catalog;

/// <summary>
/// The styles a musician can choose, with their tonal targets: commercial masters typically sit a few dB above pink
/// noise in the bass and below it in the highs. The only definition (the engine receives the numbers).
/// </summary>
public static class MasteringStyles
{
    public static IReadOnlyList<MasteringStyleChoice> All { get; } =
    [
        new("warm", 4.5, -2.5, -6.5),
        new("balanced", 3.5, -1.5, -4.5),
        new("bright", 2.5, -0.5, -3.0),
    ];

    public static MasteringStyleChoice Default => Find("balanced")!;

    public static MasteringStyleChoice? Find(string id) => All.FirstOrDefault(s => s.Id == id);
}
