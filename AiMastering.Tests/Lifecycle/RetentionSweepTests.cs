extern alias api;
using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Security;
using AiMastering.Jobs.Store;
using AiMastering.Tests.Infrastructure;
using api::AiMastering.ApiService.Lifecycle;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiMastering.Tests.Lifecycle;

/// <summary>The retention sweep on a real SQLite store and file store, with the clock moved forward.</summary>
public sealed class RetentionSweepTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Directory.CreateTempSubdirectory("aim-retention").FullName;

    [Fact]
    public async Task Expired_jobs_lose_every_file_and_uploads_that_never_became_jobs_go_after_a_day()
    {
        var store = new SqliteJobStore($"Data Source={Path.Combine(_folder, "jobs.db")}");
        await store.InitializeAsync(Ct);
        var blobs = new FileSystemBlobStore(Path.Combine(_folder, "blobs"), new UrlSigner(new byte[32]));
        await blobs.InitializeAsync(Ct);
        var clock = new ShiftedTimeProvider();
        var sweeper = new RetentionSweeper(store, blobs, new JobFiles(blobs), Options.Create(new RetentionOptions()), clock, NullLogger<RetentionSweeper>.Instance);

        var now = clock.GetUtcNow();
        var expired = await StoreDoneJobAsync(store, blobs, "alice", now);
        var kept = await StoreDoneJobAsync(store, blobs, "alice", now + TimeSpan.FromDays(30));
        await blobs.UploadBytesAsync("uploads/bob/0123abcd/never-used.wav", new byte[10], "audio/wav", Ct);
        await blobs.UploadBytesAsync($"jobs/{Guid.NewGuid():N}/left-over.json", new byte[10], "application/json", Ct);
        var everything = await KeysAsync(blobs);

        (await sweeper.SweepOnceAsync(Ct)).ShouldBe((0, 0), "nothing is old yet");
        (await KeysAsync(blobs)).ShouldBe(everything);

        clock.Offset = TimeSpan.FromDays(31);
        var swept = await sweeper.SweepOnceAsync(Ct);

        swept.Jobs.ShouldBe(1);
        (await store.GetAsync(expired.Id, Ct)).ShouldBeNull();
        (await store.GetAsync(kept.Id, Ct)).ShouldNotBeNull();
        (await KeysAsync(blobs)).ShouldBe([.. FilesOf(kept)], ignoreOrder: true);
        Directory.GetDirectories(Path.Combine(_folder, "blobs", "uploads")).ShouldBe([Path.Combine(_folder, "blobs", "uploads", "alice")], "emptied folders go too");
    }

    private static async Task<Job> StoreDoneJobAsync(SqliteJobStore store, FileSystemBlobStore blobs, string user, DateTimeOffset at)
    {
        var id = Guid.CreateVersion7();
        var job = new Job
        {
            Id = id,
            UserId = user,
            CreatedAt = at,
            UpdatedAt = at,
            Source = new StoredFile(BlobKeys.Upload(user, Guid.NewGuid(), "song.wav"), "song.wav", 10, "audio/wav"),
        };
        await store.InsertAsync(job, Ct);
        await store.TryClaimAsync(id, "w", at, TimeSpan.FromMinutes(1), Ct);
        var artifacts = new JobArtifacts { Master = BlobKeys.Artifact(id, 1, "master.wav"), Report = BlobKeys.Artifact(id, 1, "report.json") };
        (await store.CompleteAsync(id, "w", artifacts, at, Ct)).ShouldBeTrue();
        foreach (var key in FilesOf(job with { Artifacts = artifacts }))
        {
            await blobs.UploadBytesAsync(key, new byte[10], "application/octet-stream", Ct);
        }

        return job with { Artifacts = artifacts };
    }

    private static IEnumerable<string> FilesOf(Job job) => job.Artifacts.All().Select(a => a.Key).Prepend(job.Source.Key);

    private static async Task<List<string>> KeysAsync(FileSystemBlobStore blobs) => [.. (await blobs.ListAsync("", Ct)).Select(o => o.Key)];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
