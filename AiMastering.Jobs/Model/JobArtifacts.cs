namespace AiMastering.Jobs.Model;

/// <summary>Blob keys of what a finished job produced (null = not produced).</summary>
public sealed record JobArtifacts
{
    public string? Master { get; init; }
    public string? Preview { get; init; }
    public string? Analysis { get; init; }
    public string? Decision { get; init; }
    public string? Report { get; init; }
    public string? ReferenceAnalysis { get; init; }
    public string? MasterAnalysis { get; init; }

    public static JobArtifacts None { get; } = new();

    public IEnumerable<(string Name, string Key)> All()
    {
        if (Master is not null) yield return ("master", Master);
        if (Preview is not null) yield return ("preview", Preview);
        if (Analysis is not null) yield return ("analysis", Analysis);
        if (Decision is not null) yield return ("decision", Decision);
        if (Report is not null) yield return ("report", Report);
        if (ReferenceAnalysis is not null) yield return ("referenceAnalysis", ReferenceAnalysis);
        if (MasterAnalysis is not null) yield return ("masterAnalysis", MasterAnalysis);
    }
}
