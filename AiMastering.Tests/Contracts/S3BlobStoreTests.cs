using System.Net;
using System.Net.Http.Headers;
using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Blobs.S3;
using AiMastering.Tests.Infrastructure;
using AiMastering.UnitTests.Contracts;
using Amazon.S3;

namespace AiMastering.Tests.Contracts;

/// <summary>
/// The blob-store contract against a real S3 server (Ceph RGW from <c>scripts/test-services.sh</c>),
/// plus what only S3 does: the server itself enforces the presigned upload's size, type and key.
/// </summary>
public sealed class S3BlobStoreTests : BlobStoreContract
{
    private const string Origin = "http://127.0.0.1:8080";
    private static readonly HttpClient Http = new();

    private S3StorageOptions Options { get; } = TestOptions();

    protected override Task<IBlobStore> CreateStoreAsync() =>
        Task.FromResult<IBlobStore>(new S3BlobStore(S3BlobStore.CreateClient(Options), Options, TimeProvider.System));

    public override async ValueTask DisposeAsync()
    {
        using (var client = S3BlobStore.CreateClient(Options))
        {
            var objects = await client.ListObjectsV2Async(new() { BucketName = Options.Bucket });
            foreach (var o in objects.S3Objects ?? [])
            {
                await client.DeleteObjectAsync(Options.Bucket, o.Key);
            }

            await client.DeleteBucketAsync(Options.Bucket);
        }

        await base.DisposeAsync();
    }

    private static S3StorageOptions TestOptions()
    {
        var options = S3StorageOptions.Parse(TestServices.S3);
        options.Bucket = TestServices.UniqueName("aim-test");
        options.CorsOrigins.Add(Origin);
        return options;
    }

    private static async Task<HttpResponseMessage> UploadAsync(PresignedUpload upload, byte[] content, string contentType, string fileName = "song.wav", Dictionary<string, string>? tamper = null)
    {
        if (upload.Method == "PUT")
        {
            using var put = new ByteArrayContent(content);
            put.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            return await Http.PutAsync(upload.Url, put, Ct);
        }

        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in upload.Fields)
        {
            form.Add(new StringContent(tamper?.TryGetValue(name, out var changed) == true ? changed : value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", fileName); // the file goes last
        return await Http.PostAsync(upload.Url, form, Ct);
    }

    private static UploadGrant Grant(string key, long maxSize, string type = "audio/wav") =>
        new(key, type, maxSize, DateTimeOffset.UtcNow.AddMinutes(10));

    [Fact]
    public async Task Presigned_post_upload_lands_under_the_exact_key()
    {
        var key = NewUploadKey();
        var upload = await Store.PresignUploadAsync(Grant(key, 50_000), Ct);
        upload.Method.ShouldBe("POST");
        upload.Url.Scheme.ShouldBe("http");

        using var response = await UploadAsync(upload, Bytes(40_000), "audio/wav");

        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        var info = await Store.GetInfoAsync(key, Ct);
        info.ShouldNotBeNull();
        info.Size.ShouldBe(40_000);
        info.ContentType.ShouldBe("audio/wav");
    }

    [Fact]
    public async Task Oversize_upload_is_refused_by_the_store()
    {
        var key = NewUploadKey();
        var upload = await Store.PresignUploadAsync(Grant(key, 1_000), Ct);

        using var response = await UploadAsync(upload, Bytes(5_000), "audio/wav");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("EntityTooLarge");
        (await Store.GetInfoAsync(key, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Mistyped_upload_is_refused_by_the_store()
    {
        var key = NewUploadKey();
        var upload = await Store.PresignUploadAsync(Grant(key, 50_000), Ct);

        using var response = await UploadAsync(upload, Bytes(100), "text/html", tamper: new Dictionary<string, string> { ["Content-Type"] = "text/html" });

        response.IsSuccessStatusCode.ShouldBeFalse();
        (await Store.GetInfoAsync(key, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Upload_to_another_key_is_refused_by_the_store()
    {
        var key = NewUploadKey();
        var other = NewUploadKey("other.wav");
        var upload = await Store.PresignUploadAsync(Grant(key, 50_000), Ct);

        using var response = await UploadAsync(upload, Bytes(100), "audio/wav", tamper: new Dictionary<string, string> { ["key"] = other });

        response.IsSuccessStatusCode.ShouldBeFalse();
        (await Store.GetInfoAsync(other, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Presigned_put_upload_works_for_stores_without_post_policies()
    {
        Options.UploadMethod = "PUT";
        var key = NewUploadKey();
        var upload = await Store.PresignUploadAsync(Grant(key, 50_000), Ct);
        upload.Method.ShouldBe("PUT");
        upload.Url.Scheme.ShouldBe("http");

        using var response = await UploadAsync(upload, Bytes(3_000), "audio/wav");

        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        (await Store.GetInfoAsync(key, Ct))!.Size.ShouldBe(3_000);
    }

    [Theory]
    [InlineData("My Song-master.wav", "attachment; filename=\"My Song-master.wav\"")]
    [InlineData("Café Noël-master.wav", "attachment; filename=\"Caf_ No_l-master.wav\"; filename*=UTF-8''Caf%C3%A9%20No%C3%ABl-master.wav")]
    public async Task Presigned_download_carries_the_file_name(string fileName, string disposition)
    {
        var key = BlobKeys.Artifact(Guid.NewGuid(), 1, "master.wav");
        await Store.UploadBytesAsync(key, Bytes(2_000), "audio/wav", Ct);

        var url = await Store.PresignDownloadAsync(key, fileName, DateTimeOffset.UtcNow.AddMinutes(5), Ct);

        url.Scheme.ShouldBe("http");
        using var response = await Http.GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.ToString().ShouldBe(disposition);
        (await response.Content.ReadAsByteArrayAsync(Ct)).Length.ShouldBe(2_000);
    }

    [Fact]
    public async Task Unsigned_download_is_refused()
    {
        var key = BlobKeys.Artifact(Guid.NewGuid(), 1, "master.wav");
        await Store.UploadBytesAsync(key, Bytes(10), "audio/wav", Ct);
        var url = await Store.PresignDownloadAsync(key, "a.wav", DateTimeOffset.UtcNow.AddMinutes(5), Ct);

        using var response = await Http.GetAsync(url.GetLeftPart(UriPartial.Path), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bucket_cors_lets_the_web_origin_upload()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"{Options.Endpoint.ToString().TrimEnd('/')}/{Options.Bucket}");
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await Http.SendAsync(preflight, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldContain(Origin);
    }

    [Theory]
    [InlineData("../outside.wav")]
    [InlineData("uploads/u/x/..")]
    public async Task Malformed_keys_are_never_signed(string key)
    {
        await Should.ThrowAsync<ArgumentException>(() => Store.PresignDownloadAsync(key, "x.wav", DateTimeOffset.UtcNow.AddMinutes(5), Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.PresignUploadAsync(Grant(key, 100), Ct));
    }

    [Fact]
    public async Task A_refusing_server_surfaces_as_the_stores_own_unavailable_error()
    {
        // The real server, a wrong secret: every call is refused (403) by RGW itself.
        var wrong = S3StorageOptions.Parse(TestServices.S3);
        wrong.Bucket = Options.Bucket;
        wrong.SecretKey += "-wrong";
        using var store = new S3BlobStore(S3BlobStore.CreateClient(wrong), wrong, TimeProvider.System);
        var key = BlobKeys.Artifact(Guid.NewGuid(), 1, "master.wav");

        var upload = await Should.ThrowAsync<BlobStoreUnavailableException>(() => store.UploadBytesAsync(key, Bytes(10), "audio/wav", Ct));
        await Should.ThrowAsync<BlobStoreUnavailableException>(() => store.DownloadToFileAsync(key, Path.Combine(Path.GetTempPath(), $"aim-{Guid.NewGuid():N}.wav"), Ct));

        upload.InnerException.ShouldBeAssignableTo<Amazon.Runtime.AmazonServiceException>();
    }

    [Fact]
    public void Connection_string_is_parsed()
    {
        var o = S3StorageOptions.Parse("Endpoint=https://s3.eu-central-003.backblazeb2.com;AccessKey=a;SecretKey=b;Bucket=c;Region=eu-central-003;UploadMethod=PUT;ForcePathStyle=false");
        o.Endpoint.ShouldBe(new Uri("https://s3.eu-central-003.backblazeb2.com"));
        (o.AccessKey, o.SecretKey, o.Bucket, o.Region, o.UsePost, o.ForcePathStyle).ShouldBe(("a", "b", "c", "eu-central-003", false, false));
        Should.Throw<FormatException>(() => S3StorageOptions.Parse("Endpoint=http://x"));
    }

    [Fact]
    public void Client_uses_the_settings_every_s3_server_accepts()
    {
        using var client = S3BlobStore.CreateClient(Options);
        var config = (AmazonS3Config)client.Config;
        config.ForcePathStyle.ShouldBeTrue();
        config.RequestChecksumCalculation.ShouldBe(Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED);
        config.ResponseChecksumValidation.ShouldBe(Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED);
    }
}
