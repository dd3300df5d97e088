using AiMastering.Jobs.Model;
using AiMastering.Jobs.Store;

namespace AiMastering.Jobs.Queue;

/// <summary>
/// The embedded queue: the job store itself. Publishing is a no-op (the job is already stored as
/// queued); consuming polls for claimable jobs; back-off is the job's <c>availableAt</c>; a job out of
/// attempts is simply <c>failed</c> in the store (there is no separate dead-letter queue).
/// </summary>
public sealed class StorePollingJobQueue(IJobStore store, TimeProvider time, StorePollingOptions? options = null) : IJobQueue
{
    private readonly TimeSpan _idleDelay = options?.PollInterval ?? TimeSpan.FromMilliseconds(250);

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PublishAsync(JobMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ScheduleRetryAsync(JobMessage message, TimeSpan delay, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeadLetterAsync(JobMessage message, JobError error, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ConsumeAsync(Func<JobMessage, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var ids = await store.FindClaimableAsync(time.GetUtcNow(), 1, cancellationToken);
            if (ids.Count == 0)
            {
                await Task.Delay(_idleDelay, time, cancellationToken);
                continue;
            }

            var job = await store.GetAsync(ids[0], cancellationToken);
            if (job is not null)
            {
                await handler(new JobMessage(job.Id, job.RequestId, job.TraceParent, job.Attempts + 1), cancellationToken);
            }
        }
    }
}
