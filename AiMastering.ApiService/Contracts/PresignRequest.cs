namespace AiMastering.ApiService.Contracts;

/// <summary>Body of <c>POST /uploads/presign</c>.</summary>
public sealed record PresignRequest(string? FileName, string? ContentType, long? Size, string? Kind);
