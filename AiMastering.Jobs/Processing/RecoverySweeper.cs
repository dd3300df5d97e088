using AiMastering.Jobs.Model;
using AiMastering.Jobs.Queue;
using AiMastering.Jobs.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiMastering.Jobs.Processing;

/// <summary>
/// No single process death loses a job: re-queues jobs whose worker died (lease expired) and
/// re-publishes queued jobs whose message was lost (the API died between insert and publish).
/// Safe to run in every worker at once: each move is a compare-and-set.
/// </summary>
public sealed partial class RecoverySweeper(
    IJobStore store,
    IJobQueue queue,
    IOptions<JobRunnerOptions> options,
    TimeProvider time,
    ILogger<RecoverySweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; returns how many jobs it moved or re-published.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        var now = time.GetUtcNow();
        foreach (var job in await store.FindExpiredLeasesAsync(now, 100, cancellationToken))
        {
            var error = new JobError(ErrorCode.WorkerLost, "The worker handling this job stopped responding; it was retried.", now);
            if (job.LeaseUntil is { } lease && await store.ReclaimExpiredAsync(job.Id, lease, error, now, cancellationToken))
            {
                moved++;
                JobTelemetry.JobsRecovered.Add(1);
                LogReclaimed(job.Id, job.LeaseOwner);
                var after = await store.GetAsync(job.Id, cancellationToken);
                if (after?.Status == JobStatus.Queued)
                {
                    await queue.PublishAsync(new JobMessage(job.Id, job.RequestId, job.TraceParent, job.Attempts + 1), cancellationToken);
                }
            }
        }

        foreach (var job in await store.FindStaleQueuedAsync(now - options.Value.RepublishAfter, 100, cancellationToken))
        {
            if (await store.TouchQueuedAsync(job.Id, job.UpdatedAt, now, cancellationToken))
            {
                moved++;
                LogRepublished(job.Id);
                await queue.PublishAsync(new JobMessage(job.Id, job.RequestId, job.TraceParent, job.Attempts + 1), cancellationToken);
            }
        }

        return moved;
    }

    [LoggerMessage(LogLevel.Warning, "Job {JobId}: lease of {Worker} expired; job re-queued")]
    private partial void LogReclaimed(Guid jobId, string? worker);

    [LoggerMessage(LogLevel.Information, "Job {JobId} was queued with no message seen for a while; re-published")]
    private partial void LogRepublished(Guid jobId);

    [LoggerMessage(LogLevel.Error, "Recovery sweep failed")]
    private partial void LogSweepFailed(Exception ex);
}
