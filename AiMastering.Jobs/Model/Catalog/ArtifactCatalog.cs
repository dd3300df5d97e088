namespace AiMastering.Jobs.Model.Catalog;

/// <summary>What a finished job produces; the only list of artifact names, file names and content types.</summary>
public static class ArtifactCatalog
{
    public const string JsonContentType = "application/json";

    public static ArtifactDefinition Master { get; } = new("master", "master.wav", "audio/wav", "master");

    public static ArtifactDefinition Preview { get; } = new("preview", "preview.mp3", "audio/mpeg", "master-preview");

    public static ArtifactDefinition Analysis { get; } = new("analysis", "analysis.json", JsonContentType, "analysis");

    public static ArtifactDefinition MasterAnalysis { get; } = new("masterAnalysis", "master-analysis.json", JsonContentType, "master-analysis");

    public static ArtifactDefinition Decision { get; } = new("decision", "decision.json", JsonContentType, "decision");

    public static ArtifactDefinition Report { get; } = new("report", "report.json", JsonContentType, "report");

    public static ArtifactDefinition ReferenceAnalysis { get; } =
        new("referenceAnalysis", "reference-analysis.json", JsonContentType, "reference-analysis", ReferenceOnly: true);

    /// <summary>In the order a job lists them.</summary>
    public static IReadOnlyList<ArtifactDefinition> All { get; } = [Master, Preview, Analysis, Decision, Report, ReferenceAnalysis, MasterAnalysis];

    public static ArtifactDefinition? Find(string name) => All.FirstOrDefault(a => a.Name == name);

}
