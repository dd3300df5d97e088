using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Security;

namespace AiMastering.UnitTests.Jobs;

public sealed class BlobKeysTests
{
    [Theory]
    [InlineData("My Song (final).wav", "My-Song-final.wav")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("Café del Mar.flac", "Caf-del-Mar.flac")]
    [InlineData("???.wav", "wav")]
    public void File_names_become_safe_key_segments(string name, string safe) =>
        BlobKeys.SafeFileName(name).ShouldBe(safe);

    [Theory]
    [InlineData("uploads/u/../../x")]
    [InlineData("uploads//x")]
    [InlineData("/etc/passwd")]
    [InlineData("uploads/u/a b")]
    public void Malformed_keys_are_rejected(string key) => BlobKeys.IsWellFormed(key).ShouldBeFalse();

    [Fact]
    public void Two_attempts_of_one_job_never_share_an_artifact_key()
    {
        var job = Guid.NewGuid();
        var first = BlobKeys.Artifact(job, 1, "master.wav");
        var second = BlobKeys.Artifact(job, 2, "master.wav");
        first.ShouldBe($"jobs/{job:N}/1/master.wav");
        second.ShouldNotBe(first);
        BlobKeys.IsWellFormed(second).ShouldBeTrue();
    }

    [Fact]
    public void A_user_can_only_name_their_own_uploads()
    {
        var key = BlobKeys.Upload("alice", Guid.NewGuid(), "mix.wav");
        BlobKeys.IsUploadOf(key, "alice").ShouldBeTrue();
        BlobKeys.IsUploadOf(key, "bob").ShouldBeFalse();
    }

    [Fact]
    public void Download_names_keep_the_musicians_title() =>
        BlobKeys.DownloadName("My Song.wav", "master", ".wav").ShouldBe("My Song-master.wav");

    [Fact]
    public void No_key_escapes_the_storage_root()
    {
        var store = new FileSystemBlobStore(Directory.CreateTempSubdirectory("aim-blobs").FullName, new UrlSigner(new byte[32]));
        Should.Throw<ArgumentException>(() => store.PathOf("../outside.wav"));
        Should.Throw<ArgumentException>(() => store.PathOf("uploads/../../outside.wav"));
        store.PathOf("uploads/u/1/a.wav").ShouldStartWith(store.Root);
    }

    [Fact]
    public async Task Writes_stop_at_the_signed_size_and_keep_nothing()
    {
        var store = new FileSystemBlobStore(Directory.CreateTempSubdirectory("aim-blobs").FullName, new UrlSigner(new byte[32]));
        var written = await store.WriteAsync("uploads/u/1/a.wav", new MemoryStream(new byte[1001]), 1000, "audio/wav", TestContext.Current.CancellationToken);
        written.ShouldBe(-1);
        (await store.GetInfoAsync("uploads/u/1/a.wav", TestContext.Current.CancellationToken)).ShouldBeNull();
        Directory.GetFiles(store.Root, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }
}
