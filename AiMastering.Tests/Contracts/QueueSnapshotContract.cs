using AiMastering.Jobs.Model;
using AiMastering.Jobs.Store;

namespace AiMastering.Tests.Contracts;

/// <summary>What every <see cref="IJobStore"/> reports to the queue gauges: jobs waiting, the oldest's creation, jobs that gave up.</summary>
public abstract class QueueSnapshotContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh, initialized store of its own.</summary>
    protected abstract Task<IJobStore> OpenStoreAsync();

    private static Job NewJob(DateTimeOffset at, int maxAttempts = 3) => new()
    {
        Id = Guid.NewGuid(),
        UserId = "user-1",
        CreatedAt = at,
        UpdatedAt = at,
        MaxAttempts = maxAttempts,
        Source = new StoredFile("uploads/user-1/x/song.wav", "Song.wav", 1234, "audio/wav"),
    };

    [Fact]
    public async Task An_empty_store_has_nothing_queued()
    {
        var store = await OpenStoreAsync();

        (await store.GetQueueSnapshotAsync(Ct)).ShouldBe(new QueueSnapshot(0, null, 0));
    }

    [Fact]
    public async Task Counts_queued_jobs_the_oldest_creation_and_the_jobs_that_ran_out_of_retries()
    {
        var store = await OpenStoreAsync();
        var oldest = NewJob(T0.AddMinutes(-7));
        var waitingToRetry = NewJob(T0.AddMinutes(-3));
        var running = NewJob(T0.AddMinutes(-30));
        var gaveUp = NewJob(T0.AddMinutes(-20));
        var notAudio = NewJob(T0.AddMinutes(-10));
        foreach (var job in new[] { oldest, waitingToRetry, running, gaveUp, notAudio, NewJob(T0) })
        {
            await store.InsertAsync(job, Ct);
        }

        await ClaimAsync(store, running);
        await ClaimAsync(store, waitingToRetry);
        (await store.RequeueAsync(waitingToRetry.Id, "w", new JobError(ErrorCode.StorageUnavailable, "down", T0), T0.AddMinutes(5), T0, Ct)).ShouldBeTrue();
        await ClaimAsync(store, gaveUp);
        (await store.FailAsync(gaveUp.Id, "w", new JobError(ErrorCode.WorkerLost, "lost", T0), T0, Ct)).ShouldBeTrue();
        await ClaimAsync(store, notAudio);
        (await store.FailAsync(notAudio.Id, "w", new JobError(ErrorCode.NotAudio, "text", T0), T0, Ct)).ShouldBeTrue();

        (await store.GetQueueSnapshotAsync(Ct)).ShouldBe(new QueueSnapshot(3, oldest.CreatedAt, 1));
    }

    private static async Task ClaimAsync(IJobStore store, Job job) =>
        (await store.TryClaimAsync(job.Id, "w", T0, TimeSpan.FromMinutes(1), Ct)).ShouldNotBeNull();
}
