namespace AiMastering.ApiService.Contracts;

/// <summary>A file a finished job has (its name in the job's <c>artifacts</c>); some only with a reference track.</summary>
public sealed record CatalogArtifact(string Name, string FileName, string ContentType, bool ReferenceOnly);
