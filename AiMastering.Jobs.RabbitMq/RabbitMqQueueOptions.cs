using System.ComponentModel.DataAnnotations;

namespace AiMastering.Jobs.Queue.RabbitMq;

/// <summary>Configuration section <c>Jobs:RabbitMq</c>. Retry tiers come from <c>Jobs:RetryDelays</c>.</summary>
public sealed class RabbitMqQueueOptions
{
    public const string Section = "Jobs:RabbitMq";

    /// <summary>Prefix of every exchange and queue name, so environments and tests never share one.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$")]
    public string Prefix { get; set; } = "aim";

    /// <summary>How long a publish keeps retrying while the broker is unreachable (e.g. restarting).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PublishRetryWindow { get; set; } = TimeSpan.FromSeconds(30);
}
