using AiMastering.Jobs.Model;

namespace AiMastering.Jobs.Store;

/// <summary>
/// The source of truth for jobs. Every status change is one atomic compare-and-set on the expected
/// status (and, for a worker's moves, on the lease owner) — never read-modify-write. A method that
/// returns <c>false</c>/<c>null</c> lost the race or found the job in another state; nothing changed.
/// </summary>
public interface IJobStore
{
    /// <summary>Creates tables/collections and indexes if missing. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task InsertAsync(Job job, CancellationToken cancellationToken);

    Task<Job?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The job if <paramref name="ownerId"/> owns it — the owner is part of the query; null = any owner (admins).</summary>
    Task<Job?> GetOwnedAsync(Guid id, string? ownerId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the job unless its user already has <paramref name="maxActivePerUser"/> queued + processing
    /// jobs, or its source or reference upload already started a job (each upload masters once).
    /// </summary>
    Task<InsertOutcome> TryInsertAsync(Job job, int maxActivePerUser, CancellationToken cancellationToken);

    /// <summary>The user's queued + processing jobs.</summary>
    Task<int> CountActiveAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Whether a job uses this upload as its source or reference.</summary>
    Task<bool> IsUploadUsedAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a job that is not being processed, if <paramref name="ownerId"/> owns it (null = any owner);
    /// returns the deleted job (its files are the caller's to delete), or null when nothing was deleted.
    /// </summary>
    Task<Job?> DeleteAsync(Guid id, string? ownerId, CancellationToken cancellationToken);

    /// <summary>Finished (done or failed) jobs last changed before <paramref name="cutoff"/>, oldest first.</summary>
    Task<IReadOnlyList<Job>> ListExpiredAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);

    /// <summary>The user's jobs, newest first.</summary>
    Task<IReadOnlyList<Job>> ListForUserAsync(string userId, int limit, CancellationToken cancellationToken);

    /// <summary>All users' jobs, newest first, optionally of one status (operators).</summary>
    Task<IReadOnlyList<Job>> ListRecentAsync(JobStatus? status, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Ids of queued jobs that may run now (available), in fair order where the store can: the user served
    /// least recently first, then oldest first — one user's backlog does not hold back everyone else's job.
    /// </summary>
    Task<IReadOnlyList<Guid>> FindClaimableAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// queued → processing when the job is queued and available; increments <c>attempts</c>, sets the
    /// lease. Returns the claimed job, or null when it was not claimable.
    /// </summary>
    Task<Job?> TryClaimAsync(Guid id, string workerId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends the lease while the worker still owns the processing job.</summary>
    Task<bool> RenewLeaseAsync(Guid id, string workerId, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Stores the processing job's progress, only for the lease owner.</summary>
    Task<bool> SetProgressAsync(Guid id, string workerId, JobProgress progress, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>processing → done, only for the lease owner.</summary>
    Task<bool> CompleteAsync(Guid id, string workerId, JobArtifacts artifacts, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>processing → failed, only for the lease owner.</summary>
    Task<bool> FailAsync(Guid id, string workerId, JobError error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>processing → queued (a retry after a transient error), only for the lease owner.</summary>
    Task<bool> RequeueAsync(Guid id, string workerId, JobError error, DateTimeOffset availableAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Processing jobs whose lease ended before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<Job>> FindExpiredLeasesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// processing → queued (or failed when out of attempts) for a job whose lease is still the
    /// expired one we saw, so a worker that renewed in the meantime keeps its job.
    /// </summary>
    Task<bool> ReclaimExpiredAsync(Guid id, DateTimeOffset expiredLease, JobError error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Queued jobs last touched before <paramref name="cutoff"/> (their message may be lost).</summary>
    Task<IReadOnlyList<Job>> FindStaleQueuedAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);

    /// <summary>Marks a stale queued job as touched, so only one sweeper re-publishes it.</summary>
    Task<bool> TouchQueuedAsync(Guid id, DateTimeOffset expectedUpdatedAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>queued → failed (out of attempts or dead-lettered before it could run).</summary>
    Task<bool> FailQueuedAsync(Guid id, JobError error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>failed → queued with a fresh attempt budget (an operator's retry).</summary>
    Task<bool> RetryFailedAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Counts for the queue gauges (<see cref="QueueSnapshot"/>).</summary>
    Task<QueueSnapshot> GetQueueSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>Deletes finished jobs older than the cutoff; returns the deleted jobs.</summary>
    Task<IReadOnlyList<Job>> PurgeFinishedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
