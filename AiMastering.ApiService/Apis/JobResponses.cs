using AiMastering.ApiService.Contracts;
using AiMastering.ApiService.Infrastructure;
using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Hosting;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Model.Catalog;

namespace AiMastering.ApiService.Apis;

/// <summary>Maps a stored job to its wire shape, with freshly signed artifact URLs.</summary>
public static class JobResponses
{
    public static async Task<JobResponse> ToResponseAsync(
        Job job, IBlobStore blobs, StorageOptions storage, TimeProvider time, HttpRequest request, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow() + storage.DownloadUrlLifetime;
        var urls = new Dictionary<string, string>();
        async Task AddAsync(string name, string key, string downloadName) =>
            urls[name] = PublicUrls.Absolute(request, await blobs.PresignDownloadAsync(key, downloadName, expires, cancellationToken));

        await AddAsync("source", job.Source.Key, job.Source.FileName);
        if (job.Status == JobStatus.Done)
        {
            foreach (var (name, key) in job.Artifacts.All())
            {
                await AddAsync(name, key, DownloadName(job.Source.FileName, name, key));
            }
        }

        return new JobResponse(
            job.Id,
            job.Status.ToWire(),
            job.Source.FileName,
            job.Reference?.FileName,
            job.CreatedAt,
            job.UpdatedAt,
            job.StartedAt,
            job.FinishedAt,
            job.Attempts,
            job.MaxAttempts,
            job.Status == JobStatus.Processing
                ? new JobProgressResponse(job.Stage, job.StageFraction, job.EtaSeconds)
                : new JobProgressResponse(job.Stage, null, null),
            job.Status == JobStatus.Done || job.LastError is null ? null
                : new JobErrorResponse(job.LastError.Code.ToWire(), job.LastError.Message, job.LastError.At),
            job.Options,
            urls);
    }

    private static string DownloadName(string sourceFileName, string artifact, string key) =>
        BlobKeys.DownloadName(sourceFileName, ArtifactCatalog.Find(artifact)?.DownloadSuffix ?? artifact, Path.GetExtension(key));
}
