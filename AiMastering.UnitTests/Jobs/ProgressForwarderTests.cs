using AiMastering.Engine.Mastering;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Processing;
using AiMastering.Jobs.Store;
using AiMastering.Worker.Pipeline;

namespace AiMastering.UnitTests.Jobs;

/// <summary>The worker passes the engine's progress to the job store: every stage, not every report, and the last one stored.</summary>
public sealed class ProgressForwarderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("aim-progress").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Every_stage_reaches_the_job_while_a_burst_of_reports_is_thinned_out()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new SqliteJobStore($"Data Source={Path.Combine(folder, "jobs.db")}");
        await store.InitializeAsync(ct);
        var job = new Job
        {
            Id = Guid.NewGuid(),
            UserId = "u",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            Source = new StoredFile("uploads/u/x/song.wav", "Song.wav", 1, "audio/wav"),
        };
        await store.InsertAsync(job, ct);
        await store.TryClaimAsync(job.Id, "w1", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), ct);
        var stored = new StoringProgress(store, job.Id);
        var forwarder = new ProgressForwarder(stored, TimeProvider.System, ct);

        forwarder.Stage(JobStages.Downloading);
        for (var i = 0; i <= 200; i++)
        {
            forwarder.Report(new MasteringProgress(MasteringStage.Decoding, i / 200.0, i / 1000.0));
        }

        forwarder.Report(new MasteringProgress(MasteringStage.Analyzing, 0, 0.5));
        await forwarder.FlushAsync();

        stored.Seen.Select(p => p.Stage).Distinct().ShouldBe([JobStages.Downloading, JobStages.Decoding, JobStages.Analyzing]);
        stored.Seen.Count(p => p.Stage == JobStages.Decoding).ShouldBeLessThan(201);
        var last = (await store.GetAsync(job.Id, ct))!;
        last.Stage.ShouldBe(JobStages.Analyzing);
        last.StageFraction.ShouldBe(0.0);
        last.EtaSeconds.ShouldNotBeNull("half way through, the time left is estimated");
    }

    // What the job runner passes to the processor: progress stored on the job (kept here to see every write).
    private sealed class StoringProgress(IJobStore store, Guid jobId) : IJobProgress
    {
        public List<JobProgress> Seen { get; } = [];

        public async Task ReportAsync(JobProgress progress, CancellationToken cancellationToken)
        {
            Seen.Add(progress);
            (await store.SetProgressAsync(jobId, "w1", progress, DateTimeOffset.UtcNow, cancellationToken)).ShouldBeTrue();
        }
    }
}
