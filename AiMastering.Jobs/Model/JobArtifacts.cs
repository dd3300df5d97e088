using AiMastering.Jobs.Model.Catalog;

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

    /// <summary>The produced artifacts by their <see cref="ArtifactCatalog"/> name, in the catalog's order.</summary>
    public IEnumerable<(string Name, string Key)> All() =>
        ArtifactCatalog.All.Select(a => (a.Name, Key: KeyOf(a))).Where(a => a.Key is not null).Select(a => (a.Name, a.Key!));

    private string? KeyOf(ArtifactDefinition artifact) =>
        artifact == ArtifactCatalog.Master ? Master
        : artifact == ArtifactCatalog.Preview ? Preview
        : artifact == ArtifactCatalog.Analysis ? Analysis
        : artifact == ArtifactCatalog.Decision ? Decision
        : artifact == ArtifactCatalog.Report ? Report
        : artifact == ArtifactCatalog.ReferenceAnalysis ? ReferenceAnalysis
        : artifact == ArtifactCatalog.MasterAnalysis ? MasterAnalysis
        : null;
}
