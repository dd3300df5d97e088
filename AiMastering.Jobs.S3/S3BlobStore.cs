using System.Diagnostics;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace AiMastering.Jobs.Blobs.S3;

/// <summary>
/// The blob store on any S3-compatible server. Browsers upload straight to the bucket with a
/// presigned POST whose policy pins key, type and size (or a presigned PUT where POST policies are
/// missing) and download with short-lived presigned GETs that carry the file name. Every AWS SDK error
/// that reaches a caller is a <see cref="BlobStoreUnavailableException"/> (a missing object is null or
/// <see cref="FileNotFoundException"/>, as in every store).
/// </summary>
public sealed class S3BlobStore(IAmazonS3 client, S3StorageOptions options, TimeProvider time) : IBlobStore, IDisposable
{
    public S3StorageOptions Options { get; } = options;

    // Presigning is local (no request is sent): a second client only to sign URLs for the browsers' host.
    private readonly AmazonS3Client? presigner = options.PublicEndpoint is { } endpoint ? CreateClient(options, endpoint) : null;

    private IAmazonS3 Presigner => presigner ?? client;

    private Protocol UrlProtocol => Options.BrowserEndpoint.Scheme == Uri.UriSchemeHttp ? Protocol.HTTP : Protocol.HTTPS;

    /// <summary>A client for the endpoint: SigV4, path style as configured, checksums only when required.</summary>
    public static AmazonS3Client CreateClient(S3StorageOptions options) => CreateClient(options, options.Endpoint);

    private static AmazonS3Client CreateClient(S3StorageOptions options, Uri endpoint) =>
        new(new BasicAWSCredentials(options.AccessKey, options.SecretKey), new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            AuthenticationRegion = options.Region,
            ForcePathStyle = options.ForcePathStyle,
            UseHttp = endpoint.Scheme == Uri.UriSchemeHttp,
            // Ceph RGW, MinIO and B2 reject or mis-handle the newer default checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        CallAsync("s3 initialize", Options.Bucket, () => CreateBucketAsync(cancellationToken));

    private async Task CreateBucketAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = Options.Bucket }, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }

        if (Options.CorsOrigins.Count > 0)
        {
            await client.PutCORSConfigurationAsync(new PutCORSConfigurationRequest
            {
                BucketName = Options.Bucket,
                Configuration = new CORSConfiguration
                {
                    Rules =
                    [
                        new CORSRule
                        {
                            AllowedOrigins = [.. Options.CorsOrigins],
                            AllowedMethods = ["GET", "HEAD", "PUT", "POST"],
                            AllowedHeaders = ["*"],
                            ExposeHeaders = ["ETag", "Content-Disposition"],
                            MaxAgeSeconds = 3600,
                        },
                    ],
                },
            }, cancellationToken);
        }
    }

    public async Task<PresignedUpload> PresignUploadAsync(UploadGrant grant, CancellationToken cancellationToken)
    {
        EnsureKey(grant.Key);
        var empty = new Dictionary<string, string>();
        if (Options.UsePost)
        {
            var fields = PresignedPostPolicy.Fields(
                Options.Bucket, grant.Key, grant.ContentType, 1, grant.MaxSize, grant.ExpiresAt,
                Options.AccessKey, Options.SecretKey, Options.Region, time.GetUtcNow());
            return new PresignedUpload(BucketUrl(), "POST", fields, empty, grant.ExpiresAt);
        }

        var url = await CallAsync("s3 presign upload", grant.Key, () => Presigner.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = Options.Bucket,
            Key = grant.Key,
            Verb = HttpVerb.PUT,
            ContentType = grant.ContentType,
            Expires = grant.ExpiresAt.UtcDateTime,
            Protocol = UrlProtocol,
        }));
        var headers = new Dictionary<string, string> { ["Content-Type"] = grant.ContentType };
        return new PresignedUpload(new Uri(url), "PUT", empty, headers, grant.ExpiresAt);
    }

    public async Task<Uri> PresignDownloadAsync(string key, string downloadFileName, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        var request = new GetPreSignedUrlRequest
        {
            BucketName = Options.Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            Protocol = UrlProtocol,
        };
        request.ResponseHeaderOverrides.ContentDisposition = ContentDispositions.Attachment(downloadFileName);
        return new Uri(await CallAsync("s3 presign download", key, () => Presigner.GetPreSignedURLAsync(request)));
    }

    public Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        return CallAsync("s3 head", key, () => HeadAsync(key, cancellationToken));
    }

    private async Task<BlobInfo?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var meta = await client.GetObjectMetadataAsync(Options.Bucket, key, cancellationToken);
            return new BlobInfo(key, meta.ContentLength, meta.Headers.ContentType);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<byte[]?> ReadStartAsync(string key, int maxBytes, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        return CallAsync("s3 read start", key, () => ReadStartCoreAsync(key, maxBytes, cancellationToken));
    }

    private async Task<byte[]?> ReadStartCoreAsync(string key, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetObjectAsync(new GetObjectRequest
            {
                BucketName = Options.Bucket,
                Key = key,
                ByteRange = new ByteRange(0, maxBytes - 1),
            }, cancellationToken);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            return [];
        }
    }

    public Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, CancellationToken cancellationToken) =>
        CallAsync("s3 list", prefix, () => ListCoreAsync(prefix, cancellationToken));

    private async Task<IReadOnlyList<StoredObject>> ListCoreAsync(string prefix, CancellationToken cancellationToken)
    {
        var objects = new List<StoredObject>();
        var request = new ListObjectsV2Request { BucketName = Options.Bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await client.ListObjectsV2Async(request, cancellationToken);
            objects.AddRange((response.S3Objects ?? []).Select(o =>
                new StoredObject(o.Key, o.Size ?? 0, Utc(o.LastModified ?? DateTime.UnixEpoch))));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        return objects;
    }

    public Task DownloadToFileAsync(string key, string path, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        return CallAsync("s3 download", key, () => DownloadAsync(key, path, cancellationToken));
    }

    private async Task DownloadAsync(string key, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetObjectAsync(Options.Bucket, key, cancellationToken);
            await using var output = File.Create(path);
            await response.ResponseStream.CopyToAsync(output, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException($"No stored object '{key}'.", key, ex);
        }
    }

    public Task UploadFileAsync(string key, string path, string contentType, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        return CallAsync("s3 upload", key, () => client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Options.Bucket,
            Key = key,
            FilePath = path,
            ContentType = contentType,
            Headers = { CacheControl = CacheControlFor(key) },
        }, cancellationToken));
    }

    public async Task UploadBytesAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        await CallAsync("s3 upload", key, () => client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Options.Bucket,
            Key = key,
            InputStream = stream,
            ContentType = contentType,
            Headers = { CacheControl = CacheControlFor(key) },
        }, cancellationToken));
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        return CallAsync("s3 delete", key, () => client.DeleteObjectAsync(Options.Bucket, key, cancellationToken));
    }

    /// <summary>
    /// What is stored under a key never changes (a new attempt writes new keys), so a browser may keep it; but a signed
    /// URL is a credential that expires, so no shared cache may hand it to others, and it revalidates after a day.
    /// </summary>
    public const string ArtifactCacheControl = "private, max-age=86400, immutable";

    private static string? CacheControlFor(string key) => key.StartsWith("jobs/", StringComparison.Ordinal) ? ArtifactCacheControl : null;

    public void Dispose()
    {
        presigner?.Dispose();
        client.Dispose();
    }

    private Uri BucketUrl()
    {
        var browser = Options.BrowserEndpoint;
        var root = browser.ToString().TrimEnd('/');
        if (Options.ForcePathStyle)
        {
            return new Uri($"{root}/{Options.Bucket}");
        }

        var endpoint = new UriBuilder(browser) { Host = $"{Options.Bucket}.{browser.Host}" };
        return endpoint.Uri;
    }

    private static async Task CallAsync(string operation, string key, Func<Task> call) =>
        await CallAsync(operation, key, async () =>
        {
            await call();
            return true;
        });

    /// <summary>One span per call; the SDK's errors leave as <see cref="BlobStoreUnavailableException"/>.</summary>
    private static async Task<T> CallAsync<T>(string operation, string key, Func<Task<T>> call)
    {
        using var activity = S3Telemetry.Source.StartActivity(operation, ActivityKind.Client);
        activity?.SetTag("aws.s3.key", key);
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw new BlobStoreUnavailableException($"The S3 store refused or did not answer '{operation}' for '{key}': {ex.Message}", ex);
        }
    }

    private static DateTimeOffset Utc(DateTime time) =>
        new(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime());

    private static void EnsureKey(string key)
    {
        if (!BlobKeys.IsWellFormed(key))
        {
            throw new ArgumentException($"'{key}' is not a valid storage key.", nameof(key));
        }
    }
}
