namespace AiMastering.Jobs.Blobs;

/// <summary>
/// Where uploads and artifacts live. Keys: <c>uploads/{userId}/{guid}/{safe-file-name}</c> and
/// <c>jobs/{jobId}/{attempt}/{artifact}</c>. Implementations: the file system (embedded) and S3.
/// A store that cannot be reached throws <see cref="BlobStoreUnavailableException"/> (or an
/// <see cref="IOException"/>); a missing object is null or <see cref="FileNotFoundException"/>.
/// </summary>
public interface IBlobStore
{
    /// <summary>Creates the folder / bucket (and its CORS rules) if missing. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A URL the browser uploads to directly. The store itself enforces the key, the content type
    /// and the maximum size wherever it can. The URL may be root-relative (embedded mode).
    /// </summary>
    Task<PresignedUpload> PresignUploadAsync(UploadGrant grant, CancellationToken cancellationToken);

    /// <summary>A short-lived URL that downloads the object with the given file name.</summary>
    Task<Uri> PresignDownloadAsync(string key, string downloadFileName, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The stored object's real size and type, or null when it does not exist.</summary>
    Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxBytes"/> from the start of the object (a header), or null when it does not exist.</summary>
    Task<byte[]?> ReadStartAsync(string key, int maxBytes, CancellationToken cancellationToken);

    /// <summary>Every object whose key starts with <paramref name="prefix"/> (e.g. <c>jobs/{id}/</c>).</summary>
    Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, CancellationToken cancellationToken);

    Task DownloadToFileAsync(string key, string path, CancellationToken cancellationToken);

    Task UploadFileAsync(string key, string path, string contentType, CancellationToken cancellationToken);

    Task UploadBytesAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
