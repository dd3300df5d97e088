using AiMastering.Jobs.Queue.RabbitMq;

namespace AiMastering.UnitTests.Jobs;

/// <summary>The names and arguments the RabbitMQ queue declares (no broker needed).</summary>
public sealed class RabbitMqTopologyTests
{
    [Fact]
    public void Retry_tier_is_the_shortest_not_shorter_than_the_delay()
    {
        var topology = new RabbitMqTopology("p", [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(60)]);
        topology.RetryTiers.ShouldBe([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5)]);
        topology.TierFor(TimeSpan.FromSeconds(10)).ShouldBe(TimeSpan.FromSeconds(10));
        topology.TierFor(TimeSpan.FromSeconds(11)).ShouldBe(TimeSpan.FromSeconds(60));
        topology.TierFor(TimeSpan.FromHours(1)).ShouldBe(TimeSpan.FromMinutes(5));
        topology.RetryQueue(TimeSpan.FromSeconds(60)).ShouldBe("p.jobs.retry.60000");
        topology.RetryQueueArguments(TimeSpan.FromSeconds(60))["x-dead-letter-strategy"].ShouldBe("at-least-once");
        topology.RetryQueueArguments(TimeSpan.FromSeconds(60))["x-overflow"].ShouldBe("reject-publish");
    }
}
