using AiMastering.Jobs.Blobs;

namespace AiMastering.UnitTests.Contracts;

/// <summary>What every <see cref="IBlobStore"/> promises. Each derived class gets its own bucket/folder.</summary>
public abstract class BlobStoreContract : IAsyncLifetime
{
    private readonly string _temp = Directory.CreateTempSubdirectory("aim-blobs-").FullName;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IBlobStore Store { get; private set; } = null!;

    protected abstract Task<IBlobStore> CreateStoreAsync();

    public async ValueTask InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.InitializeAsync(Ct);
        await Store.InitializeAsync(Ct); // idempotent
    }

    public virtual ValueTask DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        Directory.Delete(_temp, recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected string TempFile(string name) => Path.Combine(_temp, name);

    protected static string NewUploadKey(string fileName = "My Song.wav") => BlobKeys.Upload("user-1", Guid.NewGuid(), fileName);

    protected static byte[] Bytes(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7))];

    [Fact]
    public async Task Stored_bytes_come_back_with_their_size_and_type()
    {
        var key = BlobKeys.Artifact(Guid.NewGuid(), 1, "master.wav");
        var content = Bytes(10_000);

        await Store.UploadBytesAsync(key, content, "audio/wav", Ct);

        var info = await Store.GetInfoAsync(key, Ct);
        info.ShouldNotBeNull();
        info.Size.ShouldBe(10_000);
        info.ContentType.ShouldBe("audio/wav");
        var path = TempFile("down.wav");
        await Store.DownloadToFileAsync(key, path, Ct);
        (await File.ReadAllBytesAsync(path, Ct)).ShouldBe(content);
    }

    [Fact]
    public async Task Stored_file_comes_back_unchanged()
    {
        var key = BlobKeys.Artifact(Guid.NewGuid(), 1, "preview.mp3");
        var source = TempFile("up.mp3");
        await File.WriteAllBytesAsync(source, Bytes(70_000), Ct);

        await Store.UploadFileAsync(key, source, "audio/mpeg", Ct);

        var path = TempFile("down.mp3");
        await Store.DownloadToFileAsync(key, path, Ct);
        (await File.ReadAllBytesAsync(path, Ct)).ShouldBe(await File.ReadAllBytesAsync(source, Ct));
        (await Store.GetInfoAsync(key, Ct))!.ContentType.ShouldBe("audio/mpeg");
    }

    [Fact]
    public async Task Missing_object_has_no_info_and_cannot_be_downloaded()
    {
        var key = BlobKeys.Artifact(Guid.NewGuid(), 1, "report.json");
        (await Store.GetInfoAsync(key, Ct)).ShouldBeNull();
        await Should.ThrowAsync<FileNotFoundException>(() => Store.DownloadToFileAsync(key, TempFile("x"), Ct));
    }

    [Fact]
    public async Task Deleted_object_is_gone()
    {
        var key = BlobKeys.Artifact(Guid.NewGuid(), 1, "analysis.json");
        await Store.UploadBytesAsync(key, "{}"u8.ToArray(), "application/json", Ct);

        await Store.DeleteAsync(key, Ct);

        (await Store.GetInfoAsync(key, Ct)).ShouldBeNull();
    }

    [Theory]
    [InlineData("../outside.wav")]
    [InlineData("uploads/../../outside.wav")]
    [InlineData("/etc/passwd")]
    [InlineData("uploads/u/x/..")]
    [InlineData("uploads//x.wav")]
    [InlineData("uploads/u/a b.wav")]
    public async Task Keys_cannot_escape_or_be_malformed(string key)
    {
        await Should.ThrowAsync<ArgumentException>(() => Store.UploadBytesAsync(key, new byte[] { 1 }, "audio/wav", Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.GetInfoAsync(key, Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.DownloadToFileAsync(key, TempFile("escaped"), Ct));
        await Should.ThrowAsync<ArgumentException>(() => Store.DeleteAsync(key, Ct));
    }
}
