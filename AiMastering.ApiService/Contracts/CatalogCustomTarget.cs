using AiMastering.Jobs.Model.Catalog;

namespace AiMastering.ApiService.Contracts;

/// <summary>The custom target (<see cref="Id"/>) and the ranges its numbers must lie in.</summary>
public sealed record CatalogCustomTarget(string Id, ValueRange Lufs, ValueRange TruePeakDbtp, string LabelKey);
