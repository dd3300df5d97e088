namespace AiMastering.Tests.Infrastructure;

/// <summary>Suites that share the test broker and restart it run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection
{
    public const string Name = "RabbitMQ broker";
}
