namespace AiMastering.Jobs.Blobs;

/// <summary>
/// How the client uploads. <c>POST</c>: a multipart form with <see cref="Fields"/> first and the file
/// last as field <c>file</c>. <c>PUT</c>: the raw bytes with <see cref="Headers"/>.
/// </summary>
public sealed record PresignedUpload(
    Uri Url,
    string Method,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset ExpiresAt);
