using AiMastering.Jobs.Model;
using AiMastering.Jobs.Store;

namespace AiMastering.UnitTests.Jobs;

/// <summary>
/// The real SQLite store, except that lease renewals can be made to fail as when the database does
/// not answer (a fault the tests cannot cause on demand). Every renewal attempt is counted.
/// </summary>
internal sealed class RenewalFaultStore(IJobStore inner) : IJobStore
{
    private int _renewals;

    /// <summary>Decides, from the 1-based number of the renewal attempt, whether it fails.</summary>
    public Func<int, bool> Fails { get; set; } = _ => false;

    public int Renewals => Volatile.Read(ref _renewals);

    public Task<bool> RenewLeaseAsync(Guid id, string workerId, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        Fails(Interlocked.Increment(ref _renewals))
            ? throw new TimeoutException("the job store did not answer")
            : inner.RenewLeaseAsync(id, workerId, leaseUntil, cancellationToken);

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task InsertAsync(Job job, CancellationToken cancellationToken) => inner.InsertAsync(job, cancellationToken);

    public Task<Job?> GetAsync(Guid id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public Task<Job?> GetOwnedAsync(Guid id, string? ownerId, CancellationToken cancellationToken) =>
        inner.GetOwnedAsync(id, ownerId, cancellationToken);

    public Task<InsertOutcome> TryInsertAsync(Job job, int maxActivePerUser, CancellationToken cancellationToken) =>
        inner.TryInsertAsync(job, maxActivePerUser, cancellationToken);

    public Task<int> CountActiveAsync(string userId, CancellationToken cancellationToken) =>
        inner.CountActiveAsync(userId, cancellationToken);

    public Task<bool> IsUploadUsedAsync(string key, CancellationToken cancellationToken) =>
        inner.IsUploadUsedAsync(key, cancellationToken);

    public Task<Job?> DeleteAsync(Guid id, string? ownerId, CancellationToken cancellationToken) =>
        inner.DeleteAsync(id, ownerId, cancellationToken);

    public Task<IReadOnlyList<Job>> ListExpiredAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        inner.ListExpiredAsync(cutoff, limit, cancellationToken);

    public Task<IReadOnlyList<Job>> ListForUserAsync(string userId, int limit, CancellationToken cancellationToken) =>
        inner.ListForUserAsync(userId, limit, cancellationToken);

    public Task<IReadOnlyList<Job>> ListRecentAsync(JobStatus? status, int limit, CancellationToken cancellationToken) =>
        inner.ListRecentAsync(status, limit, cancellationToken);

    public Task<IReadOnlyList<Guid>> FindClaimableAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.FindClaimableAsync(now, limit, cancellationToken);

    public Task<Job?> TryClaimAsync(Guid id, string workerId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        inner.TryClaimAsync(id, workerId, now, lease, cancellationToken);

    public Task<bool> SetProgressAsync(Guid id, string workerId, JobProgress progress, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.SetProgressAsync(id, workerId, progress, now, cancellationToken);

    public Task<bool> CompleteAsync(Guid id, string workerId, JobArtifacts artifacts, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.CompleteAsync(id, workerId, artifacts, now, cancellationToken);

    public Task<bool> FailAsync(Guid id, string workerId, JobError error, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.FailAsync(id, workerId, error, now, cancellationToken);

    public Task<bool> RequeueAsync(Guid id, string workerId, JobError error, DateTimeOffset availableAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RequeueAsync(id, workerId, error, availableAt, now, cancellationToken);

    public Task<IReadOnlyList<Job>> FindExpiredLeasesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.FindExpiredLeasesAsync(now, limit, cancellationToken);

    public Task<bool> ReclaimExpiredAsync(Guid id, DateTimeOffset expiredLease, JobError error, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ReclaimExpiredAsync(id, expiredLease, error, now, cancellationToken);

    public Task<IReadOnlyList<Job>> FindStaleQueuedAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        inner.FindStaleQueuedAsync(cutoff, limit, cancellationToken);

    public Task<bool> TouchQueuedAsync(Guid id, DateTimeOffset expectedUpdatedAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.TouchQueuedAsync(id, expectedUpdatedAt, now, cancellationToken);

    public Task<bool> FailQueuedAsync(Guid id, JobError error, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.FailQueuedAsync(id, error, now, cancellationToken);

    public Task<bool> RetryFailedAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RetryFailedAsync(id, now, cancellationToken);

    public Task<QueueSnapshot> GetQueueSnapshotAsync(CancellationToken cancellationToken) => inner.GetQueueSnapshotAsync(cancellationToken);

    public Task<IReadOnlyList<Job>> PurgeFinishedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        inner.PurgeFinishedAsync(olderThan, cancellationToken);
}
