using AiMastering.Jobs.Model;
using AiMastering.Jobs.Store;

namespace AiMastering.UnitTests.Contracts;

/// <summary>What every <see cref="IJobStore"/> promises: each move is a compare-and-set.</summary>
public abstract partial class JobStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A fresh, initialized store of its own (own database or collection).</summary>
    protected abstract Task<IJobStore> OpenStoreAsync();

    protected static Job NewJob(string user = "user-1", DateTimeOffset? at = null, int maxAttempts = 3) => new()
    {
        Id = Guid.NewGuid(),
        UserId = user,
        CreatedAt = at ?? T0,
        UpdatedAt = at ?? T0,
        MaxAttempts = maxAttempts,
        Source = new StoredFile("uploads/user-1/x/song.wav", "Song.wav", 1234, "audio/wav"),
        RequestId = "req-1",
        TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    };

    private static JobError Oops(ErrorCode code = ErrorCode.ProcessingFailed) => new(code, "oops", T0);

    [Fact]
    public async Task Inserted_job_reads_back_the_same()
    {
        var store = await OpenStoreAsync();
        var job = NewJob() with { Options = new JobOptions { Target = "club" }.Normalize(), Reference = new StoredFile("uploads/u/r/ref.wav", "Ref.wav", 10, "audio/wav") };

        await store.InsertAsync(job, Ct);

        (await store.GetAsync(job.Id, Ct)).ShouldBe(job);
    }

    [Fact]
    public async Task Claim_is_exclusive_under_concurrency()
    {
        var store = await OpenStoreAsync();
        var job = NewJob();
        await store.InsertAsync(job, Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.TryClaimAsync(job.Id, $"w{i}", T0, TimeSpan.FromSeconds(30), Ct))));

        var winner = claims.Where(c => c is not null).ShouldHaveSingleItem()!;
        winner.Status.ShouldBe(JobStatus.Processing);
        winner.Attempts.ShouldBe(1);
        winner.LeaseUntil.ShouldBe(T0 + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Only_the_lease_owner_completes()
    {
        var store = await OpenStoreAsync();
        var job = NewJob();
        await store.InsertAsync(job, Ct);
        await store.TryClaimAsync(job.Id, "owner", T0, TimeSpan.FromSeconds(30), Ct);
        var artifacts = new JobArtifacts { Master = $"jobs/{job.Id:N}/1/master.wav" };

        (await store.CompleteAsync(job.Id, "intruder", artifacts, T0, Ct)).ShouldBeFalse();
        (await store.CompleteAsync(job.Id, "owner", artifacts, T0.AddSeconds(5), Ct)).ShouldBeTrue();
        (await store.CompleteAsync(job.Id, "owner", artifacts, T0.AddSeconds(6), Ct)).ShouldBeFalse("done is final");

        var done = (await store.GetAsync(job.Id, Ct))!;
        done.Status.ShouldBe(JobStatus.Done);
        done.Artifacts.ShouldBe(artifacts);
        done.FinishedAt.ShouldBe(T0.AddSeconds(5));
    }

    [Fact]
    public async Task Progress_is_stored_for_the_lease_owner_only_and_starts_afresh_on_the_next_claim()
    {
        var store = await OpenStoreAsync();
        var job = NewJob();
        await store.InsertAsync(job, Ct);
        await store.TryClaimAsync(job.Id, "w1", T0, TimeSpan.FromSeconds(30), Ct);

        (await store.SetProgressAsync(job.Id, "w1", new JobProgress(JobStages.Rendering, 0.25, 4.5), T0, Ct)).ShouldBeTrue();
        (await store.SetProgressAsync(job.Id, "w2", new JobProgress(JobStages.Saving, 1, 0), T0, Ct)).ShouldBeFalse();
        var running = (await store.GetAsync(job.Id, Ct))!;
        running.Stage.ShouldBe(JobStages.Rendering);
        running.StageFraction.ShouldBe(0.25);
        running.EtaSeconds.ShouldBe(4.5);

        await store.RequeueAsync(job.Id, "w1", Oops(), T0, T0, Ct);
        var again = (await store.TryClaimAsync(job.Id, "w2", T0, TimeSpan.FromSeconds(30), Ct))!;
        again.Stage.ShouldBe(JobStages.Starting);
        again.StageFraction.ShouldBeNull();
        again.EtaSeconds.ShouldBeNull();
    }

    [Fact]
    public async Task Requeued_job_is_not_claimable_before_its_time()
    {
        var store = await OpenStoreAsync();
        var job = NewJob();
        await store.InsertAsync(job, Ct);
        await store.TryClaimAsync(job.Id, "w", T0, TimeSpan.FromSeconds(30), Ct);

        (await store.RequeueAsync(job.Id, "w", Oops(), T0.AddSeconds(10), T0, Ct)).ShouldBeTrue();

        (await store.FindClaimableAsync(T0.AddSeconds(9), 10, Ct)).ShouldNotContain(job.Id);
        (await store.TryClaimAsync(job.Id, "w", T0.AddSeconds(9), TimeSpan.FromSeconds(30), Ct)).ShouldBeNull();
        (await store.FindClaimableAsync(T0.AddSeconds(10), 10, Ct)).ShouldContain(job.Id);
        var again = await store.TryClaimAsync(job.Id, "w2", T0.AddSeconds(10), TimeSpan.FromSeconds(30), Ct);
        again.ShouldNotBeNull().Attempts.ShouldBe(2);
        again.LastError.ShouldNotBeNull().Code.ShouldBe(ErrorCode.ProcessingFailed);
    }

    [Fact]
    public async Task Expired_lease_is_reclaimed_once_and_its_old_owner_cannot_complete()
    {
        var store = await OpenStoreAsync();
        var job = NewJob();
        await store.InsertAsync(job, Ct);
        var claimed = (await store.TryClaimAsync(job.Id, "dead", T0, TimeSpan.FromSeconds(30), Ct))!;

        var expired = await store.FindExpiredLeasesAsync(T0.AddSeconds(31), 10, Ct);
        expired.Select(j => j.Id).ShouldContain(job.Id);
        var lease = claimed.LeaseUntil!.Value;
        var results = await Task.WhenAll(
            store.ReclaimExpiredAsync(job.Id, lease, Oops(ErrorCode.WorkerLost), T0.AddSeconds(31), Ct),
            store.ReclaimExpiredAsync(job.Id, lease, Oops(ErrorCode.WorkerLost), T0.AddSeconds(31), Ct));

        results.Count(r => r).ShouldBe(1);
        (await store.GetAsync(job.Id, Ct))!.Status.ShouldBe(JobStatus.Queued);
        (await store.CompleteAsync(job.Id, "dead", JobArtifacts.None, T0.AddSeconds(32), Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Renewed_lease_is_not_reclaimed()
    {
        var store = await OpenStoreAsync();
        var job = NewJob();
        await store.InsertAsync(job, Ct);
        var claimed = (await store.TryClaimAsync(job.Id, "alive", T0, TimeSpan.FromSeconds(30), Ct))!;

        (await store.RenewLeaseAsync(job.Id, "alive", T0.AddSeconds(60), Ct)).ShouldBeTrue();

        (await store.ReclaimExpiredAsync(job.Id, claimed.LeaseUntil!.Value, Oops(ErrorCode.WorkerLost), T0.AddSeconds(31), Ct)).ShouldBeFalse();
        (await store.GetAsync(job.Id, Ct))!.LeaseOwner.ShouldBe("alive");
    }

    [Fact]
    public async Task Expired_lease_out_of_attempts_fails_the_job()
    {
        var store = await OpenStoreAsync();
        var job = NewJob(maxAttempts: 1);
        await store.InsertAsync(job, Ct);
        var claimed = (await store.TryClaimAsync(job.Id, "dead", T0, TimeSpan.FromSeconds(30), Ct))!;

        (await store.ReclaimExpiredAsync(job.Id, claimed.LeaseUntil!.Value, Oops(ErrorCode.WorkerLost), T0.AddSeconds(31), Ct)).ShouldBeTrue();

        var failed = (await store.GetAsync(job.Id, Ct))!;
        failed.Status.ShouldBe(JobStatus.Failed);
        failed.LastError!.Code.ShouldBe(ErrorCode.WorkerLost);
    }

    [Fact]
    public async Task Stale_queued_job_is_touched_by_one_sweeper_only()
    {
        var store = await OpenStoreAsync();
        var job = NewJob();
        await store.InsertAsync(job, Ct);

        var stale = (await store.FindStaleQueuedAsync(T0.AddMinutes(5), 10, Ct)).ShouldHaveSingleItem();
        var touches = await Task.WhenAll(
            store.TouchQueuedAsync(job.Id, stale.UpdatedAt, T0.AddMinutes(5), Ct),
            store.TouchQueuedAsync(job.Id, stale.UpdatedAt, T0.AddMinutes(5), Ct));

        touches.Count(t => t).ShouldBe(1);
        (await store.FindStaleQueuedAsync(T0.AddMinutes(5), 10, Ct)).ShouldBeEmpty();
    }

    /// <summary>Every move the store must refuse, from the status the job is really in.</summary>
    public static TheoryData<string, string> RefusedMoves => new()
    {
        { "done", "retry" },
        { "done", "claim" },
        { "done", "fail" },
        { "queued", "complete" },
        { "queued", "requeue" },
        { "failed", "complete" },
        { "failed", "claim" },
        { "processing", "retry" },
    };

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public async Task Store_refuses_a_move_from_the_wrong_status_and_changes_nothing(string status, string move)
    {
        var store = await OpenStoreAsync();
        var job = NewJob();
        await store.InsertAsync(job, Ct);
        if (status != "queued")
        {
            await store.TryClaimAsync(job.Id, "owner", T0, TimeSpan.FromSeconds(30), Ct);
        }

        _ = status switch
        {
            "done" => await store.CompleteAsync(job.Id, "owner", JobArtifacts.None, T0, Ct),
            "failed" => await store.FailAsync(job.Id, "owner", Oops(), T0, Ct),
            _ => true,
        };
        var before = (await store.GetAsync(job.Id, Ct))!;
        before.Status.ToWire().ShouldBe(status);

        var moved = move switch
        {
            "retry" => await store.RetryFailedAsync(job.Id, T0.AddMinutes(1), Ct),
            "claim" => await store.TryClaimAsync(job.Id, "owner", T0.AddMinutes(1), TimeSpan.FromSeconds(30), Ct) is not null,
            "fail" => await store.FailAsync(job.Id, "owner", Oops(), T0.AddMinutes(1), Ct),
            "complete" => await store.CompleteAsync(job.Id, "owner", JobArtifacts.None, T0.AddMinutes(1), Ct),
            "requeue" => await store.RequeueAsync(job.Id, "owner", Oops(), T0, T0.AddMinutes(1), Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(move), move, null),
        };

        moved.ShouldBeFalse($"{status} → {move}");
        (await store.GetAsync(job.Id, Ct)).ShouldBe(before);
    }

    [Fact]
    public async Task Failed_job_can_be_retried_by_an_operator_with_a_fresh_budget()
    {
        var store = await OpenStoreAsync();
        var job = NewJob();
        await store.InsertAsync(job, Ct);
        (await store.FailQueuedAsync(job.Id, Oops(), T0, Ct)).ShouldBeTrue();

        (await store.RetryFailedAsync(job.Id, T0.AddMinutes(1), Ct)).ShouldBeTrue();

        var retried = (await store.GetAsync(job.Id, Ct))!;
        retried.Status.ShouldBe(JobStatus.Queued);
        retried.Attempts.ShouldBe(0);
        (await store.RetryFailedAsync(job.Id, T0.AddMinutes(1), Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Lists_are_newest_first_per_user_and_status()
    {
        var store = await OpenStoreAsync();
        var user = $"user-{Guid.NewGuid():N}";
        var older = NewJob(user, T0);
        var newer = NewJob(user, T0.AddMinutes(1));
        await store.InsertAsync(older, Ct);
        await store.InsertAsync(newer, Ct);
        await store.InsertAsync(NewJob("someone-else"), Ct);

        (await store.ListForUserAsync(user, 10, Ct)).Select(j => j.Id).ShouldBe([newer.Id, older.Id]);
        (await store.ListRecentAsync(JobStatus.Queued, 100, Ct)).Select(j => j.Id).ShouldContain(newer.Id);
        (await store.ListRecentAsync(JobStatus.Done, 100, Ct)).Select(j => j.Id).ShouldNotContain(newer.Id);
    }

    [Fact]
    public async Task Purge_deletes_only_old_finished_jobs()
    {
        var store = await OpenStoreAsync();
        var finished = NewJob();
        var waiting = NewJob();
        await store.InsertAsync(finished, Ct);
        await store.InsertAsync(waiting, Ct);
        await store.FailQueuedAsync(finished.Id, Oops(), T0, Ct);

        var purged = await store.PurgeFinishedAsync(T0.AddDays(1), Ct);

        purged.Select(j => j.Id).ShouldBe([finished.Id]);
        (await store.GetAsync(finished.Id, Ct)).ShouldBeNull();
        (await store.GetAsync(waiting.Id, Ct)).ShouldNotBeNull();
    }
}
