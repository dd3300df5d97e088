using System.Collections.Concurrent;
using System.Diagnostics;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Queue;
using AiMastering.UnitTests.Infrastructure;

namespace AiMastering.Tests.Contracts;

/// <summary>
/// What every broker-backed <see cref="IJobQueue"/> promises. Derived classes supply the
/// implementation; each test gets its own queue names.
/// </summary>
public abstract class JobQueueContract : IAsyncLifetime
{
    protected static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    private readonly List<IAsyncDisposable> _owned = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh, initialized queue with its own names. Several calls share those names.</summary>
    protected abstract Task<IJobQueue> OpenQueueAsync();

    /// <summary>Counts the messages parked by <see cref="IJobQueue.DeadLetterAsync"/>.</summary>
    protected abstract IDeadLetterInspector Inspector(IJobQueue queue);

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var d in _owned.AsEnumerable().Reverse())
        {
            await d.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    protected static JobMessage NewMessage(int attempt = 1) =>
        new(Guid.NewGuid(), $"req-{Guid.NewGuid():N}"[..12], $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01", attempt);

    /// <summary>Runs a consumer until the returned handle is disposed.</summary>
    protected Consumer Consume(IJobQueue queue, Func<JobMessage, CancellationToken, Task> handler) =>
        Own(new Consumer(queue, handler));

    [Fact]
    public async Task Published_message_is_consumed_once_with_its_trace_and_request_id()
    {
        var queue = await OpenQueueAsync();
        var sent = NewMessage();
        var received = new ConcurrentQueue<JobMessage>();
        Consume(queue, (m, _) =>
        {
            received.Enqueue(m);
            return Task.CompletedTask;
        });

        await queue.PublishAsync(sent, Ct);
        await DrainAsync(queue, received);

        var only = received.Where(m => m.JobId == sent.JobId).ShouldHaveSingleItem();
        only.JobId.ShouldBe(sent.JobId);
        only.RequestId.ShouldBe(sent.RequestId);
        only.Attempt.ShouldBe(1);
        ActivityContext.Parse(only.TraceParent!, null).TraceId.ShouldBe(ActivityContext.Parse(sent.TraceParent!, null).TraceId);
    }

    [Fact]
    public async Task Handler_that_throws_gets_the_message_again()
    {
        var queue = await OpenQueueAsync();
        var sent = NewMessage();
        var calls = 0;
        var received = new ConcurrentQueue<JobMessage>();
        Consume(queue, (m, _) =>
        {
            if (m.JobId == sent.JobId && Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("the job store is down");
            }

            received.Enqueue(m);
            return Task.CompletedTask;
        });

        await queue.PublishAsync(sent, Ct);
        await Eventually.TrueAsync(() => Volatile.Read(ref calls) >= 2, TimeSpan.FromSeconds(10));
        await DrainAsync(queue, received);

        Volatile.Read(ref calls).ShouldBe(2);
    }

    [Fact]
    public async Task Message_is_acknowledged_only_after_the_handler_returns()
    {
        var first = await OpenQueueAsync();
        var sent = NewMessage();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumerA = Consume(first, async (_, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        await first.PublishAsync(sent, Ct);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        // The worker holding the message dies before its handler returned.
        await KillConsumerConnectionAsync(first, consumerA);

        var second = await OpenQueueAsync();
        var redelivered = new TaskCompletionSource<JobMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        Consume(second, (m, _) =>
        {
            redelivered.TrySetResult(m);
            return Task.CompletedTask;
        });
        (await redelivered.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct)).JobId.ShouldBe(sent.JobId);
    }

    [Fact]
    public async Task Each_consumer_holds_one_message_at_a_time()
    {
        var queue = await OpenQueueAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var byConsumer = new ConcurrentDictionary<Guid, string>();
        Consume(queue, async (m, _) =>
        {
            byConsumer[m.JobId] = "A";
            await release.Task;
        });
        var a = NewMessage();
        var b = NewMessage();
        await queue.PublishAsync(a, Ct);
        await Eventually.TrueAsync(() => byConsumer.ContainsKey(a.JobId), TimeSpan.FromSeconds(10));
        await queue.PublishAsync(b, Ct);
        // b waits in the queue, not in consumer A's hands: the broker has it ready for the next consumer.
        await Eventually.TrueAsync(async () => await ReadyMessagesAsync(queue) == 1, TimeSpan.FromSeconds(10));
        Consume(queue, (m, _) =>
        {
            byConsumer[m.JobId] = "B";
            return Task.CompletedTask;
        });

        // A is busy with its first job; with prefetch 1 the second job waits for B.
        await Eventually.TrueAsync(() => byConsumer.ContainsKey(b.JobId), TimeSpan.FromSeconds(10));
        byConsumer[b.JobId].ShouldBe("B");
        release.SetResult();
    }

    [Fact]
    public async Task Retry_arrives_after_its_delay_and_not_much_later_with_the_next_attempt()
    {
        var queue = await OpenQueueAsync();
        var arrivals = new ConcurrentQueue<(JobMessage Message, TimeSpan At)>();
        var clock = Stopwatch.StartNew();
        Consume(queue, (m, _) =>
        {
            arrivals.Enqueue((m, clock.Elapsed));
            return Task.CompletedTask;
        });
        var shortRetry = NewMessage(attempt: 2);
        var longRetry = NewMessage(attempt: 3);

        var sentAt = clock.Elapsed;
        await queue.ScheduleRetryAsync(longRetry, TimeSpan.FromSeconds(2), Ct);
        await queue.ScheduleRetryAsync(shortRetry, TimeSpan.FromSeconds(1), Ct);

        await Eventually.TrueAsync(() => arrivals.Count >= 2, TimeSpan.FromSeconds(10));
        var byId = arrivals.ToDictionary(a => a.Message.JobId);
        (byId[shortRetry.JobId].At - sentAt).ShouldBeInRange(TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(3));
        (byId[longRetry.JobId].At - sentAt).ShouldBeInRange(TimeSpan.FromSeconds(1.95), TimeSpan.FromSeconds(4));
        byId[shortRetry.JobId].Message.Attempt.ShouldBe(2);
        byId[longRetry.JobId].Message.Attempt.ShouldBe(3);
        byId[longRetry.JobId].Message.TraceParent.ShouldNotBeNull();
    }

    [Fact]
    public async Task Dead_lettered_message_lands_in_the_dead_letter_queue_with_its_error()
    {
        var queue = await OpenQueueAsync();
        var consumed = 0;
        Consume(queue, (_, _) =>
        {
            Interlocked.Increment(ref consumed);
            return Task.CompletedTask;
        });
        var message = NewMessage(attempt: 3);
        var error = new JobError(ErrorCode.ProcessingFailed, "Gave up after 3 attempts.", DateTimeOffset.UtcNow);

        await queue.DeadLetterAsync(message, error, Ct);

        var inspector = Inspector(queue);
        await Eventually.TrueAsync(async () => await inspector.CountDeadLettersAsync(Ct) == 1, TimeSpan.FromSeconds(5));
        var letter = (await inspector.PeekDeadLettersAsync(10, Ct)).ShouldHaveSingleItem();
        letter.Message.JobId.ShouldBe(message.JobId);
        letter.Message.Attempt.ShouldBe(3);
        letter.ErrorCode.ShouldBe("processing_failed");
        letter.ErrorMessage.ShouldBe(error.Message);
        // Peeking leaves the letter in place (the broker takes it back once the peek's channel closed).
        await Eventually.TrueAsync(async () => await inspector.CountDeadLettersAsync(Ct) == 1, TimeSpan.FromSeconds(5));
        Volatile.Read(ref consumed).ShouldBe(0, "a dead letter is never handed to workers");
    }

    /// <summary>Messages waiting in the work queue, not handed to any consumer.</summary>
    protected abstract Task<long> ReadyMessagesAsync(IJobQueue queue);

    /// <summary>
    /// Publishes a last message and waits until it is handled. Each consumer holds one message at a time
    /// and the queue is first in, first out, so by then every earlier message was settled: a duplicate or
    /// a redelivery of one of them could only have come before the last.
    /// </summary>
    private static async Task DrainAsync(IJobQueue queue, ConcurrentQueue<JobMessage> received)
    {
        var last = NewMessage();
        await queue.PublishAsync(last, Ct);
        await Eventually.TrueAsync(() => received.Any(m => m.JobId == last.JobId), TimeSpan.FromSeconds(10));
    }

    /// <summary>Drops the consumer's broker connection as if its process died.</summary>
    protected abstract Task KillConsumerConnectionAsync(IJobQueue queue, Consumer consumer);

    /// <summary>A running <see cref="IJobQueue.ConsumeAsync"/> loop.</summary>
    protected sealed class Consumer : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public Consumer(IJobQueue queue, Func<JobMessage, CancellationToken, Task> handler) =>
            Running = Task.Run(() => queue.ConsumeAsync(handler, _stop.Token));

        public Task Running { get; }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await Running.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (OperationCanceledException)
            {
            }

            _stop.Dispose();
        }
    }
}
