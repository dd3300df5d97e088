namespace AiMastering.Jobs.Blobs;

/// <summary>What one signed upload may write: exactly this key, this type, at most this size, until then.</summary>
public sealed record UploadGrant(string Key, string ContentType, long MaxSize, DateTimeOffset ExpiresAt);
