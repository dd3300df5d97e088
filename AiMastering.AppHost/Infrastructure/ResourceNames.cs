namespace AiMastering.AppHost.Infrastructure;

/// <summary>Resource names, used for service discovery and connection strings.</summary>
public static class ResourceNames
{
    public const string Api = "api";
    public const string Worker = "worker";
    public const string Web = "web";
    public const string Jobs = "jobs";
    public const string RabbitMq = "rabbitmq";
    public const string Storage = "storage";
}
