using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Queue;
using AiMastering.Jobs.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiMastering.Jobs.Hosting;

/// <summary>Creates tables, folders, buckets and queues before the service takes traffic.</summary>
internal sealed partial class BackendInitializer(
    IJobStore store,
    IBlobStore blobs,
    IJobQueue queue,
    BackendSelection selection,
    ILogger<BackendInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await blobs.InitializeAsync(cancellationToken);
        await queue.InitializeAsync(cancellationToken);
        LogReady(selection.Describe());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Job backends ready: {Backends}")]
    private partial void LogReady(string backends);
}
