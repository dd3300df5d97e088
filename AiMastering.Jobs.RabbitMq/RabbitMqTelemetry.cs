using System.Diagnostics;

namespace AiMastering.Jobs.Queue.RabbitMq;

/// <summary>The producer spans of this assembly (publish, retry, dead-letter), exported by the service defaults.</summary>
public static class RabbitMqTelemetry
{
    public const string Name = "AiMastering.Jobs.RabbitMq";

    public static readonly ActivitySource Source = new(Name);
}
