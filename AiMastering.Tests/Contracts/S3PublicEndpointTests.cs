using System.Net.Http.Headers;
using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Blobs.S3;
using AiMastering.Tests.Infrastructure;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Contracts;

/// <summary>
/// <c>Storage:S3:PublicEndpoint</c> against a real S3 server (Ceph RGW) reached at a second address: the store's own
/// calls go to the internal endpoint, the presigned URLs a browser gets point at the public one and work there.
/// </summary>
public sealed class S3PublicEndpointTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new();
    private readonly S3StorageOptions options = S3StorageOptions.Parse(TestServices.S3);
    private TcpForwarder? publicAddress;
    private S3BlobStore? store;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        options.Bucket = TestServices.UniqueName("aim-test");
        publicAddress = new TcpForwarder(options.Endpoint.Host, options.Endpoint.Port);
        options.PublicEndpoint = new Uri($"http://127.0.0.1:{publicAddress.Port}");
        store = new S3BlobStore(S3BlobStore.CreateClient(options), options, TimeProvider.System);
        await store.InitializeAsync(Ct);
    }

    [Fact]
    public async Task A_presigned_download_points_at_the_public_endpoint_and_downloads_there()
    {
        var key = BlobKeys.Upload("user-1", Guid.NewGuid(), "Master.wav");
        await store!.UploadBytesAsync(key, "RIFF master"u8.ToArray(), "audio/wav", Ct);

        var url = await store.PresignDownloadAsync(key, "Master.wav", DateTimeOffset.UtcNow.AddMinutes(5), Ct);

        url.Authority.ShouldBe(options.PublicEndpoint!.Authority);
        url.Authority.ShouldNotBe(options.Endpoint.Authority);
        using var response = await Http.GetAsync(url, Ct);
        response.EnsureSuccessStatusCode();
        (await response.Content.ReadAsByteArrayAsync(Ct)).ShouldBe("RIFF master"u8.ToArray());
    }

    [Fact]
    public async Task An_artifact_downloads_with_a_cache_control_for_signed_urls_and_an_upload_without()
    {
        var artifact = BlobKeys.Artifact(Guid.NewGuid(), 1, "master.wav");
        var upload = BlobKeys.Upload("user-1", Guid.NewGuid(), "Song.wav");
        await store!.UploadBytesAsync(artifact, "RIFF master"u8.ToArray(), "audio/wav", Ct);
        await store.UploadBytesAsync(upload, "RIFF mix"u8.ToArray(), "audio/wav", Ct);

        using var master = await Http.GetAsync(await store.PresignDownloadAsync(artifact, "Master.wav", DateTimeOffset.UtcNow.AddMinutes(5), Ct), Ct);
        using var mix = await Http.GetAsync(await store.PresignDownloadAsync(upload, "Song.wav", DateTimeOffset.UtcNow.AddMinutes(5), Ct), Ct);

        master.Headers.CacheControl.ShouldBe(CacheControlHeaderValue.Parse(S3BlobStore.ArtifactCacheControl));
        master.Headers.CacheControl!.Private.ShouldBeTrue();
        mix.Headers.CacheControl.ShouldBeNull();
    }

    [Fact]
    public async Task A_presigned_upload_points_at_the_public_endpoint_and_the_object_lands_through_it()
    {
        var key = BlobKeys.Upload("user-1", Guid.NewGuid(), "Song.wav");
        var upload = await store!.PresignUploadAsync(new UploadGrant(key, "audio/wav", 1000, DateTimeOffset.UtcNow.AddMinutes(5)), Ct);

        upload.Url.Authority.ShouldBe(options.PublicEndpoint!.Authority);
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in upload.Fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(new byte[500]);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("audio/wav");
        form.Add(file, "file", "Song.wav");
        using var response = await Http.PostAsync(upload.Url, form, Ct);

        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        (await store.GetInfoAsync(key, Ct))!.Size.ShouldBe(500);
    }

    public async ValueTask DisposeAsync()
    {
        if (store is not null)
        {
            using var client = S3BlobStore.CreateClient(options);
            var objects = await client.ListObjectsV2Async(new() { BucketName = options.Bucket });
            foreach (var o in objects.S3Objects ?? [])
            {
                await client.DeleteObjectAsync(options.Bucket, o.Key);
            }

            await client.DeleteBucketAsync(options.Bucket);
            store.Dispose();
        }

        if (publicAddress is not null)
        {
            await publicAddress.DisposeAsync();
        }
    }
}
