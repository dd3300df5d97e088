using RabbitMQ.Client;

namespace AiMastering.Jobs.Queue.RabbitMq;

/// <summary>The connection settings the job queue relies on: automatic recovery, quick retries, heartbeats.</summary>
public static class RabbitMqConnections
{
    public static void Configure(ConnectionFactory factory)
    {
        factory.AutomaticRecoveryEnabled = true;
        factory.TopologyRecoveryEnabled = true;
        factory.NetworkRecoveryInterval = TimeSpan.FromSeconds(2);
        factory.RequestedHeartbeat = TimeSpan.FromSeconds(15);
        factory.ClientProvidedName ??= $"aimastering-{Environment.MachineName}-{Environment.ProcessId}";
    }

    /// <summary>A connection for tools and tests that do not use the Aspire client registration.</summary>
    public static Task<IConnection> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = uri };
        Configure(factory);
        return factory.CreateConnectionAsync(cancellationToken);
    }
}
