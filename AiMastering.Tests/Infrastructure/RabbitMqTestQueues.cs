using AiMastering.Jobs.Processing;
using AiMastering.Jobs.Queue.RabbitMq;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace AiMastering.Tests.Infrastructure;

/// <summary>Queues with their own name prefix on the test broker, and their clean-up.</summary>
public static class RabbitMqTestQueues
{
    public static async Task<(RabbitMqJobQueue Queue, IConnection Connection)> OpenAsync(string prefix, TimeSpan[] retryDelays, CancellationToken cancellationToken)
    {
        var connection = await RabbitMqConnections.ConnectAsync(new Uri(TestServices.RabbitMq), cancellationToken);
        var queue = new RabbitMqJobQueue(
            connection,
            Options.Create(new RabbitMqQueueOptions { Prefix = prefix, PublishRetryWindow = TimeSpan.FromSeconds(90) }),
            Options.Create(new JobRunnerOptions { RetryDelays = retryDelays }),
            NullLogger<RabbitMqJobQueue>.Instance);
        await queue.InitializeAsync(cancellationToken);
        return (queue, connection);
    }

    public static async Task DeleteAsync(string prefix, TimeSpan[] retryDelays)
    {
        var topology = new RabbitMqTopology(prefix, retryDelays);
        await using var connection = await RabbitMqConnections.ConnectAsync(new Uri(TestServices.RabbitMq), CancellationToken.None);
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in topology.RetryTiers.Select(topology.RetryQueue).Append(topology.WorkQueue).Append(topology.DeadLetterQueue))
        {
            await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
        }

        await channel.ExchangeDeleteAsync(topology.WorkExchange, ifUnused: false);
    }
}
