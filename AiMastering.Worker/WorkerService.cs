using AiMastering.Jobs.Processing;
using AiMastering.Jobs.Queue;
using Microsoft.Extensions.Options;

namespace AiMastering.Worker;

/// <summary>Takes job wake-ups from the queue and hands each to the <see cref="JobRunner"/>.</summary>
public sealed partial class WorkerService(
    IJobQueue queue,
    JobRunner runner,
    IOptions<WorkerOptions> options,
    ILogger<WorkerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumers = Math.Max(1, options.Value.Concurrency);
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
                await queue.ConsumeAsync(runner.HandleAsync, stoppingToken);
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

    [LoggerMessage(LogLevel.Information, "Worker {WorkerId} consuming with {Consumers} consumer(s)")]
    private partial void LogStarted(string workerId, int consumers);

    [LoggerMessage(LogLevel.Error, "The job consumer stopped; restarting it in 2 s")]
    private partial void LogConsumerFailed(Exception ex);
}
