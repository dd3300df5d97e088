using AiMastering.Jobs.Model;
using AiMastering.Jobs.Processing;
using AiMastering.Jobs.Queue;
using AiMastering.Jobs.Store;
using AiMastering.UnitTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiMastering.UnitTests.Jobs;

/// <summary>
/// What the runner does with a job's lease while the job is being processed, on a real SQLite store:
/// the processing is cancelled only when the lease is really lost (another worker holds the job, or
/// the lease ran out without a renewal); a shutdown gives the job back at once.
/// </summary>
public sealed class JobRunnerLeaseTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMilliseconds(900);
    private readonly string _folder = Directory.CreateTempSubdirectory("aim-runner-").FullName;
    private readonly SqliteJobStore _sqlite;
    private readonly RenewalFaultStore _store;

    public JobRunnerLeaseTests()
    {
        _sqlite = new SqliteJobStore($"Data Source={Path.Combine(_folder, "jobs.db")}");
        _store = new RenewalFaultStore(_sqlite);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Scenario → was the processing cancelled, the job's status and lease owner afterwards.</summary>
    public static TheoryData<string, bool, JobStatus, string?> Scenarios => new()
    {
        { "renewal fails twice, then answers", false, JobStatus.Done, "runner" },
        { "renewal fails until the lease runs out", true, JobStatus.Processing, "runner" },
        { "another worker took the job", true, JobStatus.Processing, "other" },
        { "the worker shuts down", true, JobStatus.Queued, null },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Processing_is_cancelled_only_when_the_lease_is_really_lost(string scenario, bool cancelled, JobStatus status, string? owner)
    {
        await _store.InitializeAsync(Ct);
        var job = NewJob();
        await _store.InsertAsync(job, Ct);
        var processor = new HeldJobProcessor();
        var runner = new JobRunner(
            _store, new StorePollingJobQueue(_store, TimeProvider.System), processor,
            Options.Create(new JobRunnerOptions { Lease = Lease, WorkerId = "runner", RetryDelays = [TimeSpan.FromSeconds(1)] }),
            TimeProvider.System, NullLogger<JobRunner>.Instance);
        using var shutdown = new CancellationTokenSource();

        var handling = runner.HandleAsync(new JobMessage(job.Id, null, null, 1), shutdown.Token);
        var claimed = await processor.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        switch (scenario)
        {
            case "renewal fails twice, then answers":
                _store.Fails = n => n <= 2;
                await Eventually.TrueAsync(() => _store.Renewals >= 3, TimeSpan.FromSeconds(10));
                processor.Release();
                break;
            case "renewal fails until the lease runs out":
                _store.Fails = _ => true;
                break;
            case "another worker took the job":
                // A sweeper saw the lease as expired and another worker claimed the job.
                var error = new JobError(ErrorCode.WorkerLost, "lease expired", DateTimeOffset.UtcNow);
                (await _sqlite.ReclaimExpiredAsync(job.Id, claimed.LeaseUntil!.Value, error, DateTimeOffset.UtcNow, Ct)).ShouldBeTrue();
                (await _sqlite.TryClaimAsync(job.Id, "other", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), Ct)).ShouldNotBeNull();
                break;
            case "the worker shuts down":
                await shutdown.CancelAsync();
                break;
        }

        if (scenario == "the worker shuts down")
        {
            await Should.ThrowAsync<OperationCanceledException>(() => handling.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        }
        else
        {
            await handling.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        }

        processor.Cancelled.Task.IsCompleted.ShouldBe(cancelled);
        var after = (await _sqlite.GetAsync(job.Id, Ct))!;
        after.Status.ShouldBe(status);
        after.LeaseOwner.ShouldBe(owner);
        if (scenario == "renewal fails until the lease runs out")
        {
            _store.Renewals.ShouldBeGreaterThan(1, "a failed renewal is tried again");
        }

        if (scenario == "the worker shuts down")
        {
            after.LastError!.Code.ShouldBe(ErrorCode.WorkerLost);
            after.AvailableAt.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow, "another worker may take it at once");
        }
    }

    private static Job NewJob() => new()
    {
        Id = Guid.NewGuid(),
        UserId = "user-1",
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
        Source = new StoredFile("uploads/user-1/x/song.wav", "song.wav", 1000, "audio/wav"),
    };
}
