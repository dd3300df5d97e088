namespace AiMastering.ApiService.Contracts;

/// <summary>One choice of a list (a style, an intensity) and the key of its label.</summary>
public sealed record CatalogChoice(string Id, string LabelKey);
