namespace AiMastering.AppHost.Infrastructure;

/// <summary>The AppHost setting <c>Infrastructure</c>.</summary>
public enum InfrastructureMode
{
    /// <summary>SQLite job store, a local folder for files, the job store as the queue. No containers.</summary>
    Embedded,

    /// <summary>MongoDB, RabbitMQ and MinIO containers (needs Docker or Podman).</summary>
    Containers,

    /// <summary>No containers: connection strings for managed services come from configuration.</summary>
    External,
}
