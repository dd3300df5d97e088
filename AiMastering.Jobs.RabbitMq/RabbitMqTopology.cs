using System.Globalization;

namespace AiMastering.Jobs.Queue.RabbitMq;

/// <summary>
/// The names and arguments of everything the queue declares:
/// <list type="bullet">
/// <item><c>{prefix}.jobs</c> — durable direct exchange and the quorum work queue bound to it;</item>
/// <item><c>{prefix}.jobs.retry.{ms}</c> — one quorum delay queue per back-off tier, with a per-queue
/// TTL, dead-lettered (at least once) back to the work exchange;</item>
/// <item><c>{prefix}.jobs.dead</c> — the quorum dead-letter queue operators look at.</item>
/// </list>
/// </summary>
public sealed class RabbitMqTopology
{
    public const string RoutingKey = "job";

    public RabbitMqTopology(string prefix, IEnumerable<TimeSpan> retryDelays)
    {
        WorkExchange = $"{prefix}.jobs";
        WorkQueue = $"{prefix}.jobs";
        DeadLetterQueue = $"{prefix}.jobs.dead";
        RetryTiers = retryDelays
            .Select(d => TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(d.TotalMilliseconds))))
            .Distinct()
            .Order()
            .ToArray();
        if (RetryTiers.Count == 0)
        {
            throw new ArgumentException("At least one retry delay is needed.", nameof(retryDelays));
        }

        Prefix = prefix;
    }

    public string Prefix { get; }

    public string WorkExchange { get; }

    public string WorkQueue { get; }

    public string DeadLetterQueue { get; }

    public IReadOnlyList<TimeSpan> RetryTiers { get; }

    public string RetryQueue(TimeSpan tier) =>
        $"{Prefix}.jobs.retry.{((long)tier.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The shortest tier not shorter than <paramref name="delay"/> (the message never arrives early);
    /// the longest tier when the delay exceeds every tier.
    /// </summary>
    public TimeSpan TierFor(TimeSpan delay) =>
        RetryTiers.FirstOrDefault(t => t >= delay - TimeSpan.FromMilliseconds(1), RetryTiers[^1]);

    public static Dictionary<string, object?> QuorumArguments() => new() { ["x-queue-type"] = "quorum" };

    public Dictionary<string, object?> RetryQueueArguments(TimeSpan tier) => new()
    {
        ["x-queue-type"] = "quorum",
        ["x-message-ttl"] = (long)tier.TotalMilliseconds,
        ["x-dead-letter-exchange"] = WorkExchange,
        ["x-dead-letter-routing-key"] = RoutingKey,
        // Quorum dead-lettering is at-most-once unless both of these are set.
        ["x-dead-letter-strategy"] = "at-least-once",
        ["x-overflow"] = "reject-publish",
    };
}
