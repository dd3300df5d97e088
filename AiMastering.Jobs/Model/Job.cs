namespace AiMastering.Jobs.Model;

/// <summary>
/// One mastering job. The job store is the source of truth; every status change goes through the
/// store as a compare-and-set on the expected status (see <c>IJobStore</c>).
/// </summary>
public sealed record Job
{
    public required Guid Id { get; init; }
    public required string UserId { get; init; }
    public JobStatus Status { get; init; } = JobStatus.Queued;
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>How many times a worker has claimed this job.</summary>
    public int Attempts { get; init; }
    public int MaxAttempts { get; init; } = 3;
    public JobError? LastError { get; init; }

    /// <summary>Until when the claiming worker owns the job; after that a sweep may re-queue it.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>The worker that holds the lease.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>Earliest time the job may run again (retry back-off for the store-polling queue).</summary>
    public DateTimeOffset? AvailableAt { get; init; }
    /// <summary>A <see cref="JobStages"/> code.</summary>
    public string? Stage { get; init; }

    /// <summary>0..1 of <see cref="Stage"/> while processing; null when unknown.</summary>
    public double? StageFraction { get; init; }

    /// <summary>Estimated seconds left while processing; null when unknown.</summary>
    public double? EtaSeconds { get; init; }
    public required StoredFile Source { get; init; }
    public StoredFile? Reference { get; init; }
    public JobOptions Options { get; init; } = JobOptions.Defaults;
    public JobArtifacts Artifacts { get; init; } = JobArtifacts.None;
    public string? RequestId { get; init; }

    /// <summary>W3C traceparent of the request that created the job.</summary>
    public string? TraceParent { get; init; }
}
