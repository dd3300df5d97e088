using AiMastering.Jobs.Model;

namespace AiMastering.Jobs.Queue;

/// <summary>
/// Delivers job wake-ups to workers, at least once. Knows nothing of any broker. Implementations:
/// <see cref="StorePollingJobQueue"/> (the job store is the queue) and RabbitMQ.
/// </summary>
public interface IJobQueue
{
    /// <summary>Declares exchanges/queues if the implementation has any. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Hands a queued job to the workers. Returns once the broker has confirmed it.</summary>
    Task PublishAsync(JobMessage message, CancellationToken cancellationToken);

    /// <summary>Delivers the message again after <paramref name="delay"/> (retry back-off).</summary>
    Task ScheduleRetryAsync(JobMessage message, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Parks a message that ran out of attempts where an operator can see it.</summary>
    Task DeadLetterAsync(JobMessage message, JobError error, CancellationToken cancellationToken);

    /// <summary>
    /// Runs until cancelled, one message at a time per consumer (prefetch 1). The message is
    /// acknowledged only after <paramref name="handler"/> returned, i.e. after the job's new state
    /// is stored; if the handler throws, the message is returned to the queue.
    /// </summary>
    Task ConsumeAsync(Func<JobMessage, CancellationToken, Task> handler, CancellationToken cancellationToken);
}
