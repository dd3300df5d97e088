namespace AiMastering.Jobs.Store;

/// <summary>What the queue gauges show: jobs waiting, when the oldest of them was created, and jobs that gave up after their retries.</summary>
/// <param name="Queued">Jobs in status queued (ready or waiting to retry).</param>
/// <param name="OldestQueuedAt">Creation time of the oldest queued job; null when none waits.</param>
/// <param name="GaveUp">Failed jobs whose last error is transient: they ran out of attempts (the store's dead letters).</param>
public sealed record QueueSnapshot(long Queued, DateTimeOffset? OldestQueuedAt, long GaveUp);
