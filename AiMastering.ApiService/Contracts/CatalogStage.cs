namespace AiMastering.ApiService.Contracts;

/// <summary>A stage a running job passes (its <c>progress.stage</c> code), the key of its label, and whether only a job with a reference passes it.</summary>
public sealed record CatalogStage(string Id, string LabelKey, bool ReferenceOnly);
