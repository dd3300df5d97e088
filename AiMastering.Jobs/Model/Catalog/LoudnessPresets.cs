namespace AiMastering.Jobs.Model.Catalog;

/// <summary>
/// The loudness targets a musician can choose: the platform presets, <see cref="Custom"/> (their own numbers) and,
/// for a job with a reference track, <see cref="Reference"/> (loudness and ceiling follow the reference).
/// This list is the only definition: the API serves it (<c>GET /catalog</c>), the web app and the CLI offer it.
/// </summary>
public static class LoudnessPresets
{
    public const string Custom = "custom";

    public const string Reference = "reference";

    public const string Streaming = "streaming";

    public static IReadOnlyList<LoudnessPreset> All { get; } =
    [
        new(Streaming, -14, -1.0, "streaming platforms play music"),
        new("apple", -16, -1.0, "Apple Music plays music"),
        new("youtube", -14, -1.0, "YouTube plays music"),
        new("club", -8, -0.5, "club masters usually are"),
        new("cd", -10, -0.3, "loud CD masters usually are"),
    ];

    /// <summary>The target of a job that names none.</summary>
    public static LoudnessPreset Default => Find(Streaming)!;

    public static LoudnessPreset? Find(string id) => All.FirstOrDefault(p => p.Id == id);
}
