using System.Globalization;
using AiMastering.Jobs.Security;

namespace AiMastering.Jobs.Blobs;

/// <summary>
/// The embedded blob store: a local folder. Uploads and downloads go through the API's own
/// endpoints (<see cref="UploadPath"/>, <see cref="DownloadPath"/>) with HMAC-signed, expiring URLs;
/// no key can escape the root folder.
/// </summary>
public sealed class FileSystemBlobStore(string rootFolder, UrlSigner signer) : IBlobStore
{
    public const string UploadPath = "/blobs/upload";
    public const string DownloadPath = "/blobs/download";
    private const string TypeSuffix = ".content-type";

    public string Root { get; } = Path.GetFullPath(rootFolder);

    public UrlSigner Signer { get; } = signer;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        return Task.CompletedTask;
    }

    public Task<PresignedUpload> PresignUploadAsync(UploadGrant grant, CancellationToken cancellationToken)
    {
        var exp = UrlSigner.Unix(grant.ExpiresAt);
        var max = grant.MaxSize.ToString(CultureInfo.InvariantCulture);
        var sig = Signer.Sign("upload", grant.Key, max, grant.ContentType, exp);
        var url = $"{UploadPath}?key={Uri.EscapeDataString(grant.Key)}&max={max}&type={Uri.EscapeDataString(grant.ContentType)}&exp={exp}&sig={sig}";
        var headers = new Dictionary<string, string> { ["Content-Type"] = grant.ContentType };
        return Task.FromResult(new PresignedUpload(new Uri(url, UriKind.Relative), "PUT", new Dictionary<string, string>(), headers, grant.ExpiresAt));
    }

    public Task<Uri> PresignDownloadAsync(string key, string downloadFileName, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var exp = UrlSigner.Unix(expiresAt);
        var sig = Signer.Sign("download", key, downloadFileName, exp);
        var url = $"{DownloadPath}?key={Uri.EscapeDataString(key)}&name={Uri.EscapeDataString(downloadFileName)}&exp={exp}&sig={sig}";
        return Task.FromResult(new Uri(url, UriKind.Relative));
    }

    public Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return Task.FromResult<BlobInfo?>(null);
        }

        var typePath = path + TypeSuffix;
        var type = File.Exists(typePath) ? File.ReadAllText(typePath) : null;
        return Task.FromResult<BlobInfo?>(new BlobInfo(key, new FileInfo(path).Length, type));
    }

    public async Task<byte[]?> ReadStartAsync(string key, int maxBytes, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var input = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(maxBytes, input.Length)];
        await input.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }

    public Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root))
        {
            return Task.FromResult<IReadOnlyList<StoredObject>>([]);
        }

        var objects = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(TypeSuffix, StringComparison.Ordinal) && !path.EndsWith(".partial", StringComparison.Ordinal))
            .Select(path => (Key: Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/'), Info: new FileInfo(path)))
            .Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(f => new StoredObject(f.Key, f.Info.Length, new DateTimeOffset(f.Info.LastWriteTimeUtc, TimeSpan.Zero)))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<StoredObject>>(objects);
    }

    public async Task DownloadToFileAsync(string key, string path, CancellationToken cancellationToken)
    {
        var source = PathOf(key);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"No stored object '{key}'.", key);
        }

        await using var input = File.OpenRead(source);
        await using var output = File.Create(path);
        await input.CopyToAsync(output, cancellationToken);
    }

    public async Task UploadFileAsync(string key, string path, string contentType, CancellationToken cancellationToken)
    {
        await using var input = File.OpenRead(path);
        await WriteAsync(key, input, long.MaxValue, contentType, cancellationToken);
    }

    public async Task UploadBytesAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        await using var input = new MemoryStream(content.ToArray(), writable: false);
        await WriteAsync(key, input, long.MaxValue, contentType, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        File.Delete(path);
        File.Delete(path + TypeSuffix);
        // Each upload and each job has a folder of its own: remove it with its last file, up to the root.
        for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length > Root.Length; folder = Path.GetDirectoryName(folder))
        {
            if (!Directory.Exists(folder) || Directory.EnumerateFileSystemEntries(folder).Any())
            {
                break;
            }

            Directory.Delete(folder);
        }

        return Task.CompletedTask;
    }

    /// <summary>Opens a stored object for reading (the API's download endpoint).</summary>
    public FileStream OpenRead(string key) => File.OpenRead(PathOf(key));

    /// <summary>
    /// Streams <paramref name="input"/> into the object, stopping as soon as more than
    /// <paramref name="maxBytes"/> arrive. The object appears only when complete (temp file + rename).
    /// Returns the number of bytes written, or -1 when the limit was exceeded (nothing is kept).
    /// </summary>
    public async Task<long> WriteAsync(string key, Stream input, long maxBytes, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.partial";
        long total = 0;
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        return -1;
                    }

                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            await File.WriteAllTextAsync(path + TypeSuffix, contentType, cancellationToken);
            File.Move(temp, path, overwrite: true);
            return total;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The full path of a key; throws when the key is malformed or would leave the root.</summary>
    public string PathOf(string key)
    {
        if (!BlobKeys.IsWellFormed(key))
        {
            throw new ArgumentException($"'{key}' is not a valid storage key.", nameof(key));
        }

        var full = Path.GetFullPath(Path.Combine(Root, key));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not a valid storage key.", nameof(key));
        }

        return full;
    }
}
