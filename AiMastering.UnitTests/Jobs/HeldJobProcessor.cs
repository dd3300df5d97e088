using AiMastering.Jobs.Model;
using AiMastering.Jobs.Processing;

namespace AiMastering.UnitTests.Jobs;

/// <summary>A job processor that holds the job until it is released or its processing is cancelled, and says which happened.</summary>
internal sealed class HeldJobProcessor : IJobProcessor
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<Job> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _release.TrySetResult();

    public async Task<JobArtifacts> ProcessAsync(Job job, IJobProgress progress, CancellationToken cancellationToken)
    {
        Started.TrySetResult(job);
        try
        {
            await _release.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Cancelled.TrySetResult();
            throw;
        }

        return new JobArtifacts { Master = AiMastering.Jobs.Blobs.BlobKeys.Artifact(job.Id, job.Attempts, "master.wav") };
    }
}
