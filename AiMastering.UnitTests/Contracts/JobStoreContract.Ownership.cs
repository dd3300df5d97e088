using AiMastering.Jobs.Model;
using AiMastering.Jobs.Store;

namespace AiMastering.UnitTests.Contracts;

/// <summary>The store's part of ownership, limits and deletion: the owner and the limits are in the query itself.</summary>
public abstract partial class JobStoreContract
{
    private static Job JobOf(string user, string? referenceKey = null, DateTimeOffset? at = null) => NewJob(user, at) with
    {
        Source = new StoredFile($"uploads/{user}/{Guid.NewGuid():N}/song.wav", "Song.wav", 1234, "audio/wav"),
        Reference = referenceKey is null ? null : new StoredFile(referenceKey, "Ref.wav", 10, "audio/wav"),
    };

    [Fact]
    public async Task A_job_reads_only_for_its_owner_or_without_an_owner_filter()
    {
        var store = await OpenStoreAsync();
        var job = JobOf("alice");
        await store.InsertAsync(job, Ct);

        (await store.GetOwnedAsync(job.Id, "alice", Ct))!.Id.ShouldBe(job.Id);
        (await store.GetOwnedAsync(job.Id, "bob", Ct)).ShouldBeNull();
        (await store.GetOwnedAsync(job.Id, null, Ct))!.Id.ShouldBe(job.Id);
    }

    [Fact]
    public async Task An_upload_used_as_source_or_reference_cannot_start_another_job()
    {
        var store = await OpenStoreAsync();
        var first = JobOf("alice", referenceKey: "uploads/alice/r1/ref.wav");
        (await store.TryInsertAsync(first, 3, Ct)).ShouldBe(InsertOutcome.Inserted);

        (await store.TryInsertAsync(first with { Id = Guid.NewGuid() }, 3, Ct)).ShouldBe(InsertOutcome.UploadUsed);
        var reusesReference = JobOf("alice") with { Source = new StoredFile("uploads/alice/r1/ref.wav", "Ref.wav", 10, "audio/wav") };
        (await store.TryInsertAsync(reusesReference, 3, Ct)).ShouldBe(InsertOutcome.UploadUsed);
        (await store.IsUploadUsedAsync(first.Source.Key, Ct)).ShouldBeTrue();
        (await store.IsUploadUsedAsync("uploads/alice/never/x.wav", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_user_at_the_active_limit_gets_no_more_jobs_until_one_finishes()
    {
        var store = await OpenStoreAsync();
        var jobs = Enumerable.Range(0, 3).Select(_ => JobOf("alice")).ToList();
        foreach (var job in jobs)
        {
            (await store.TryInsertAsync(job, 3, Ct)).ShouldBe(InsertOutcome.Inserted);
        }

        (await store.CountActiveAsync("alice", Ct)).ShouldBe(3);
        (await store.TryInsertAsync(JobOf("alice"), 3, Ct)).ShouldBe(InsertOutcome.TooManyActive);
        (await store.TryInsertAsync(JobOf("bob"), 3, Ct)).ShouldBe(InsertOutcome.Inserted);

        await store.TryClaimAsync(jobs[0].Id, "w1", T0, TimeSpan.FromMinutes(1), Ct);
        (await store.CompleteAsync(jobs[0].Id, "w1", JobArtifacts.None, T0, Ct)).ShouldBeTrue();
        (await store.TryInsertAsync(JobOf("alice"), 3, Ct)).ShouldBe(InsertOutcome.Inserted);
    }

    [Fact]
    public async Task Delete_takes_the_owner_in_the_query_and_never_a_job_being_processed()
    {
        var store = await OpenStoreAsync();
        var job = JobOf("alice");
        var busy = JobOf("alice");
        await store.InsertAsync(job, Ct);
        await store.InsertAsync(busy, Ct);
        await store.TryClaimAsync(busy.Id, "w1", T0, TimeSpan.FromMinutes(1), Ct);

        (await store.DeleteAsync(job.Id, "bob", Ct)).ShouldBeNull();
        (await store.DeleteAsync(busy.Id, "alice", Ct)).ShouldBeNull();
        (await store.DeleteAsync(job.Id, "alice", Ct))!.Source.Key.ShouldBe(job.Source.Key);
        (await store.GetAsync(job.Id, Ct)).ShouldBeNull();
        (await store.GetAsync(busy.Id, Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Expired_lists_only_finished_jobs_last_changed_before_the_cutoff()
    {
        var store = await OpenStoreAsync();
        var old = JobOf("alice");
        var recent = JobOf("alice");
        var queued = JobOf("alice");
        foreach (var job in new[] { old, recent, queued })
        {
            await store.InsertAsync(job, Ct);
        }

        foreach (var (job, at) in new[] { (old, T0), (recent, T0.AddDays(20)) })
        {
            await store.TryClaimAsync(job.Id, "w1", at, TimeSpan.FromMinutes(1), Ct);
            await store.CompleteAsync(job.Id, "w1", JobArtifacts.None, at, Ct);
        }

        (await store.ListExpiredAsync(T0.AddDays(10), 100, Ct)).Select(j => j.Id).ShouldBe([old.Id]);
    }
}
