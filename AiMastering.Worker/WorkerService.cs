using AiMastering.Jobs.Processing;
using AiMastering.Jobs.Queue;
using AiMastering.Worker.Telemetry;
using Microsoft.Extensions.Options;

namespace AiMastering.Worker;

/// <summary>Takes job wake-ups from the queue and hands each to the <see cref="JobRunner"/>.</summary>
public sealed partial class WorkerService(
    IJobQueue queue,
    JobRunner runner,
    IOptions<WorkerOptions> options,
    ILogger<WorkerService> logger) : BackgroundService
{
    /// <summary>Managed bytes allocated while handling a message above which it counts as a job that held audio (64 MB).</summary>
    private const long AudioJobBytes = 64L << 20;

    private int running;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumers = Math.Max(1, options.Value.Concurrency);
        WorkerMetrics.SetConsumers(consumers);
        LogStarted(runner.WorkerId, consumers);
        var tasks = Enumerable.Range(0, consumers).Select(_ => ConsumeForeverAsync(stoppingToken));
        await Task.WhenAll(tasks);
    }

    private async Task ConsumeForeverAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queue.ConsumeAsync(HandleAsync, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store or the broker is unreachable: wait and consume again; nothing is lost.
                LogConsumerFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task HandleAsync(JobMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref running);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        try
        {
            await runner.HandleAsync(message, cancellationToken);
        }
        finally
        {
            // Only after a job that held audio (a message skipped as done, owned elsewhere or backing off allocates little).
            if (Interlocked.Decrement(ref running) == 0 && GC.GetTotalAllocatedBytes() - allocatedBefore > AudioJobBytes)
            {
                ReleaseJobMemory();
            }
        }
    }

    /// <summary>
    /// A job's audio buffers (hundreds of MB, on the large-object heap) are garbage once it ends, but the GC reclaims that
    /// heap only in a full collection, which may not come for several jobs: meanwhile every new job's buffers are fresh
    /// pages from the OS (page faults, zeroed by the kernel) and the process keeps growing (measured in
    /// docs/benchmarks-mastering.md). One full collection when the last running job ends (cheap: almost nothing is live
    /// then) lets the next job reuse the memory.
    /// </summary>
    private static void ReleaseJobMemory() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);

    [LoggerMessage(LogLevel.Information, "Worker {WorkerId} consuming with {Consumers} consumer(s)")]
    private partial void LogStarted(string workerId, int consumers);

    [LoggerMessage(LogLevel.Error, "The job consumer stopped; restarting it in 2 s")]
    private partial void LogConsumerFailed(Exception ex);
}
