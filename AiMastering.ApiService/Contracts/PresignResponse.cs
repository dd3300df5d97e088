namespace AiMastering.ApiService.Contracts;

public sealed record PresignResponse(
    string ObjectKey,
    string Url,
    string Method,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset ExpiresAt);
