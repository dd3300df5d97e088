namespace AiMastering.Jobs.Blobs;

/// <summary>One object in a listing: its key, size and when it was last written.</summary>
public sealed record StoredObject(string Key, long Size, DateTimeOffset LastModified);
