namespace AiMastering.ApiService.Contracts;

/// <summary>What may be uploaded: the largest size and the accepted file extensions and content types.</summary>
public sealed record CatalogUploads(long MaxBytes, IReadOnlyList<string> Extensions, IReadOnlyList<string> ContentTypes);
