namespace AiMastering.Jobs.Queue;

/// <summary>
/// Lets operators (and tests) see messages that ran out of attempts. Implemented by queues that keep
/// a separate dead-letter queue; the store-polling queue has none (its failed jobs are the record).
/// </summary>
public interface IDeadLetterInspector
{
    /// <summary>How many messages wait in the dead-letter queue.</summary>
    Task<long> CountDeadLettersAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> dead letters, oldest first, left in the queue.</summary>
    Task<IReadOnlyList<DeadLetter>> PeekDeadLettersAsync(int max, CancellationToken cancellationToken);
}
