using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Store;
using Microsoft.Extensions.Options;

namespace AiMastering.ApiService.Lifecycle;

/// <summary>
/// Deletes finished jobs older than <see cref="RetentionOptions.RetentionDays"/> with all their files, uploads
/// that never became a job, and job files whose job is gone (a deletion interrupted half-way).
/// </summary>
public sealed partial class RetentionSweeper(
    IJobStore store, IBlobStore blobs, JobFiles files, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionSweeper> logger)
    : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var swept = await SweepOnceAsync(stoppingToken);
                if (swept.Jobs + swept.Files > 0)
                {
                    LogSwept(swept.Jobs, swept.Files);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }

            await Task.Delay(options.Value.RetentionSweepInterval, time, stoppingToken);
        }
    }

    /// <summary>One sweep; returns how many jobs and files it deleted.</summary>
    public async Task<(int Jobs, int Files)> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        int jobs = 0, deletedFiles = 0;
        if (options.Value.RetentionDays > 0)
        {
            var cutoff = now - TimeSpan.FromDays(options.Value.RetentionDays);
            IReadOnlyList<Jobs.Model.Job> expired;
            do
            {
                expired = await store.ListExpiredAsync(cutoff, Batch, cancellationToken);
                foreach (var job in expired)
                {
                    if (await store.DeleteAsync(job.Id, ownerId: null, cancellationToken) is { } deleted)
                    {
                        jobs++;
                        deletedFiles += await files.DeleteAsync(deleted, cancellationToken);
                    }
                }
            }
            while (expired.Count == Batch);
        }

        var orphanCutoff = now - options.Value.OrphanUploadAge;
        foreach (var upload in await blobs.ListAsync("uploads/", cancellationToken))
        {
            if (upload.LastModified < orphanCutoff && !await store.IsUploadUsedAsync(upload.Key, cancellationToken))
            {
                await blobs.DeleteAsync(upload.Key, cancellationToken);
                deletedFiles++;
            }
        }

        foreach (var file in await blobs.ListAsync("jobs/", cancellationToken))
        {
            if (file.LastModified < orphanCutoff && JobIdOf(file.Key) is { } id && await store.GetAsync(id, cancellationToken) is null)
            {
                await blobs.DeleteAsync(file.Key, cancellationToken);
                deletedFiles++;
            }
        }

        return (jobs, deletedFiles);
    }

    private static Guid? JobIdOf(string key)
    {
        var parts = key.Split('/');
        return parts.Length > 2 && Guid.TryParseExact(parts[1], "N", out var id) ? id : null;
    }

    [LoggerMessage(LogLevel.Information, "Retention sweep deleted {Jobs} jobs and {Files} files")]
    private partial void LogSwept(int jobs, int files);

    [LoggerMessage(LogLevel.Warning, "Retention sweep failed; it runs again at the next interval")]
    private partial void LogFailed(Exception exception);
}
