using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Model;

namespace AiMastering.ApiService.Lifecycle;

/// <summary>Deletes every file of a job: its source, its reference and everything under its artifact folder.</summary>
public sealed class JobFiles(IBlobStore blobs)
{
    /// <summary>Returns how many files were deleted.</summary>
    public async Task<int> DeleteAsync(Job job, CancellationToken cancellationToken)
    {
        var keys = new List<string> { job.Source.Key };
        if (job.Reference is not null)
        {
            keys.Add(job.Reference.Key);
        }

        // Listed, not taken from the job's artifact record: files of an attempt that never completed count too.
        keys.AddRange((await blobs.ListAsync(BlobKeys.ArtifactPrefix(job.Id), cancellationToken)).Select(o => o.Key));
        foreach (var key in keys)
        {
            await blobs.DeleteAsync(key, cancellationToken);
        }

        return keys.Count;
    }
}
