using AiMastering.Jobs.Queue;
using AiMastering.Jobs.Queue.RabbitMq;
using AiMastering.Tests.Infrastructure;
using AiMastering.UnitTests.Infrastructure;

namespace AiMastering.Tests.Contracts;

/// <summary>The queue contract against a real RabbitMQ node (<c>scripts/test-services.sh start</c>).</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqJobQueueTests : JobQueueContract
{
    private readonly string _prefix = TestServices.UniqueName("t");

    protected override async Task<IJobQueue> OpenQueueAsync()
    {
        var (queue, connection) = await RabbitMqTestQueues.OpenAsync(_prefix, RetryDelays, Ct);
        Own(new AsyncDisposable(async () =>
        {
            await queue.DisposeAsync();
            await connection.DisposeAsync();
        }));
        return queue;
    }

    protected override IDeadLetterInspector Inspector(IJobQueue queue) => (RabbitMqJobQueue)queue;

    protected override Task KillConsumerConnectionAsync(IJobQueue queue, Consumer consumer) =>
        // The broker drops the worker's connection (as when its process dies) and requeues the
        // unacked message at once. (A client-side close would first wait for the running handler.)
        RabbitMqBroker.CtlAsync("close_all_connections \"worker died\"", Ct);

    protected override Task<long> ReadyMessagesAsync(IJobQueue queue)
    {
        var rabbit = (RabbitMqJobQueue)queue;
        return rabbit.CountMessagesAsync(rabbit.Topology.WorkQueue, Ct);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await RabbitMqTestQueues.DeleteAsync(_prefix, RetryDelays);
    }

    [Fact]
    public async Task Consumer_resumes_after_a_broker_restart_and_publishing_waits_it_out()
    {
        var queue = await OpenQueueAsync();
        var received = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        Consume(queue, (m, _) =>
        {
            received.Add(m.JobId);
            return Task.CompletedTask;
        });
        var before = NewMessage();
        await queue.PublishAsync(before, Ct);
        await Eventually.TrueAsync(() => received.Contains(before.JobId), TimeSpan.FromSeconds(10));

        await RabbitMqBroker.CtlAsync("stop-node", Ct);
        var during = NewMessage();
        var publishing = queue.PublishAsync(during, Ct); // retried until the broker is back
        await Task.Delay(1000, Ct);
        await RabbitMqBroker.CtlAsync("start-node", Ct);
        await publishing.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        var after = NewMessage();
        await queue.PublishAsync(after, Ct);

        await Eventually.TrueAsync(() => received.Contains(during.JobId) && received.Contains(after.JobId), TimeSpan.FromSeconds(30));
    }
}
