using AiMastering.Jobs.Model;

namespace AiMastering.Jobs.Processing;

/// <summary>Does the work of one claimed job and returns the keys of what it stored.</summary>
public interface IJobProcessor
{
    /// <summary>
    /// Throws <see cref="JobFailedException"/> for errors with a code; any other exception counts as
    /// a transient processing failure and is retried.
    /// </summary>
    Task<JobArtifacts> ProcessAsync(Job job, IJobProgress progress, CancellationToken cancellationToken);
}
