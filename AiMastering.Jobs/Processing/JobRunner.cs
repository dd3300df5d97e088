using System.Diagnostics;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Queue;
using AiMastering.Jobs.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiMastering.Jobs.Processing;

/// <summary>
/// Handles one delivered message: claim the job in the store (compare-and-set), keep its lease
/// alive while the processor runs, then store the outcome — done, failed, or queued again with a
/// back-off — before the queue acknowledges the message.
/// </summary>
public sealed partial class JobRunner(
    IJobStore store,
    IJobQueue queue,
    IJobProcessor processor,
    IOptions<JobRunnerOptions> options,
    TimeProvider time,
    ILogger<JobRunner> logger)
{
    private readonly JobRunnerOptions _options = options.Value;

    public string WorkerId { get; } = options.Value.ResolveWorkerId();

    public async Task HandleAsync(JobMessage message, CancellationToken cancellationToken)
    {
        using var activity = JobTelemetry.StartConsume("job process", message.TraceParent);
        activity?.SetTag("job.id", message.JobId);
        activity?.SetTag("job.attempt", message.Attempt);
        activity?.SetTag("request.id", message.RequestId);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["JobId"] = message.JobId, ["RequestId"] = message.RequestId });

        var job = await store.TryClaimAsync(message.JobId, WorkerId, time.GetUtcNow(), _options.Lease, cancellationToken);
        if (job is null)
        {
            // Done already, owned by another worker, or waiting for its back-off: at-least-once delivery made idempotent.
            LogSkipped(message.JobId);
            return;
        }

        LogClaimed(job.Id, job.Attempts, job.MaxAttempts);
        var started = Stopwatch.GetTimestamp();
        using var lease = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = KeepLeaseAsync(job.Id, job.LeaseUntil ?? time.GetUtcNow() + _options.Lease, lease);
        try
        {
            var artifacts = await processor.ProcessAsync(job, new StoreProgress(store, job.Id, WorkerId, time), lease.Token);
            if (await store.CompleteAsync(job.Id, WorkerId, artifacts, time.GetUtcNow(), CancellationToken.None))
            {
                JobTelemetry.JobsCompleted.Add(1);
                JobTelemetry.ProcessingSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                LogDone(job.Id, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
            else
            {
                LogLostLease(job.Id);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: give the job back at once so another worker can take it.
            var error = new JobError(ErrorCode.WorkerLost, "The worker stopped while mastering; it will be retried.", time.GetUtcNow());
            await store.RequeueAsync(job.Id, WorkerId, error, time.GetUtcNow(), time.GetUtcNow(), CancellationToken.None);
            throw;
        }
        catch (OperationCanceledException) when (lease.IsCancellationRequested)
        {
            // The lease is lost (logged by the renewal): the job belongs to the sweeper or another worker now.
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            await RecordFailureAsync(job, message, ex);
        }
        finally
        {
            await lease.CancelAsync();
            await renewal;
        }
    }

    private async Task RecordFailureAsync(Job job, JobMessage message, Exception ex)
    {
        var now = time.GetUtcNow();
        var error = ex is JobFailedException jf
            ? new JobError(jf.Code, jf.Message, now)
            : new JobError(ErrorCode.ProcessingFailed, "Something went wrong while mastering.", now);
        if (ex is not JobFailedException)
        {
            LogUnexpected(ex, job.Id);
        }

        if (!error.Code.IsTransient())
        {
            await store.FailAsync(job.Id, WorkerId, error, now, CancellationToken.None);
            JobTelemetry.JobsFailed.Add(1);
            LogFailed(job.Id, error.Code.ToWire(), error.Message);
            return;
        }

        if (job.Attempts >= job.MaxAttempts)
        {
            var final = error with { Message = $"{error.Message} Gave up after {job.Attempts} attempts." };
            if (await store.FailAsync(job.Id, WorkerId, final, now, CancellationToken.None))
            {
                await queue.DeadLetterAsync(message with { Attempt = job.Attempts }, final, CancellationToken.None);
                JobTelemetry.JobsFailed.Add(1);
                LogFailed(job.Id, final.Code.ToWire(), final.Message);
            }

            return;
        }

        // Only a job that really is queued again says so: a finally failed job's message never promises another try.
        var delay = _options.RetryDelay(job.Attempts);
        if (await store.RequeueAsync(job.Id, WorkerId, error with { Message = $"{error.Message} We will try again." }, now + delay, now, CancellationToken.None))
        {
            // If this publish is lost, the recovery sweep re-publishes the queued job.
            await queue.ScheduleRetryAsync(message with { Attempt = job.Attempts + 1 }, delay, CancellationToken.None);
            JobTelemetry.JobsRetried.Add(1);
            LogRetry(job.Id, job.Attempts, delay.TotalSeconds, error.Code.ToWire());
        }
    }

    /// <summary>
    /// Renews the lease every third of its length. A renewal that fails (the store does not answer in
    /// time, or throws) is tried again, more often, until the lease would expire; the processing is
    /// cancelled only when the lease is really lost: the store says another worker owns the job, or the
    /// lease ran out without a renewal (a sweeper may hand the job to another worker from then on).
    /// </summary>
    private async Task KeepLeaseAsync(Guid jobId, DateTimeOffset leaseUntil, CancellationTokenSource lease)
    {
        var period = _options.Lease / 3;
        var wait = period;
        try
        {
            while (true)
            {
                await Task.Delay(Min(wait, leaseUntil - time.GetUtcNow()), time, lease.Token);
                var left = leaseUntil - time.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    LogLeaseExpired(jobId);
                    await lease.CancelAsync();
                    return;
                }

                var next = time.GetUtcNow() + _options.Lease;
                switch (await TryRenewAsync(jobId, next, left, lease.Token))
                {
                    case true:
                        leaseUntil = next;
                        wait = period;
                        break;
                    case false:
                        // Another worker owns the job now: stop, so its processing is never completed twice.
                        LogLostLease(jobId);
                        await lease.CancelAsync();
                        return;
                    case null:
                        wait = period / 3;
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (lease.IsCancellationRequested)
        {
        }
    }

    /// <summary>True when renewed, false when the store refused (lease lost), null when the store did not answer before <paramref name="left"/> ran out.</summary>
    private async Task<bool?> TryRenewAsync(Guid jobId, DateTimeOffset leaseUntil, TimeSpan left, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(left, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await store.RenewLeaseAsync(jobId, WorkerId, leaseUntil, linked.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogRenewFailed(ex, jobId);
            return null;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b < TimeSpan.Zero ? TimeSpan.Zero : b;

    private sealed class StoreProgress(IJobStore store, Guid jobId, string workerId, TimeProvider time) : IJobProgress
    {
        public Task ReportAsync(JobProgress progress, CancellationToken cancellationToken) =>
            store.SetProgressAsync(jobId, workerId, progress, time.GetUtcNow(), cancellationToken);
    }

    [LoggerMessage(LogLevel.Debug, "Job {JobId} is not claimable (done, taken or waiting); message skipped")]
    private partial void LogSkipped(Guid jobId);

    [LoggerMessage(LogLevel.Information, "Claimed job {JobId}, attempt {Attempt} of {MaxAttempts}")]
    private partial void LogClaimed(Guid jobId, int attempt, int maxAttempts);

    [LoggerMessage(LogLevel.Information, "Job {JobId} done in {Seconds:F1} s")]
    private partial void LogDone(Guid jobId, double seconds);

    [LoggerMessage(LogLevel.Warning, "Lost the lease of job {JobId}; another worker owns it now")]
    private partial void LogLostLease(Guid jobId);

    [LoggerMessage(LogLevel.Warning, "Job {JobId} failed: {Code} {Message}")]
    private partial void LogFailed(Guid jobId, string code, string message);

    [LoggerMessage(LogLevel.Warning, "Job {JobId} attempt {Attempt} failed transiently ({Code}); retrying in {DelaySeconds} s")]
    private partial void LogRetry(Guid jobId, int attempt, double delaySeconds, string code);

    [LoggerMessage(LogLevel.Error, "Unexpected error processing job {JobId}")]
    private partial void LogUnexpected(Exception ex, Guid jobId);

    [LoggerMessage(LogLevel.Warning, "The lease of job {JobId} ran out without a renewal; processing stops")]
    private partial void LogLeaseExpired(Guid jobId);

    [LoggerMessage(LogLevel.Warning, "Could not renew the lease of job {JobId}; trying again until it would expire")]
    private partial void LogRenewFailed(Exception ex, Guid jobId);
}
