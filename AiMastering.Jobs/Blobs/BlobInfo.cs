namespace AiMastering.Jobs.Blobs;

public sealed record BlobInfo(string Key, long Size, string? ContentType);
