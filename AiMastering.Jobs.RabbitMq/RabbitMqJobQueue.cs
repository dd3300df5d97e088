using System.Diagnostics;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Processing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace AiMastering.Jobs.Queue.RabbitMq;

/// <summary>
/// The job queue on RabbitMQ: a durable quorum work queue, persistent messages published with
/// confirms and <c>mandatory</c>, one channel per consumer with prefetch 1 and a manual ack sent
/// only after the handler returned (the job's new state is stored). Retries wait in one TTL queue per
/// back-off tier and come back through the work exchange; the attempt travels in <c>x-aim-attempt</c>.
/// The connection recovers by itself after a broker restart and the consumers resume.
/// </summary>
public sealed partial class RabbitMqJobQueue(
    IConnection connection,
    IOptions<RabbitMqQueueOptions> options,
    IOptions<JobRunnerOptions> runnerOptions,
    ILogger<RabbitMqJobQueue> logger) : IJobQueue, IDeadLetterInspector, IAsyncDisposable
{
    private static readonly TimeSpan RedeliveryPause = TimeSpan.FromMilliseconds(500);
    private readonly SemaphoreSlim _publishLock = new(1, 1);
    private IChannel? _publishChannel;

    public RabbitMqTopology Topology { get; } = new(options.Value.Prefix, runnerOptions.Value.RetryDelays);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(Topology.WorkExchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(Topology.WorkQueue, durable: true, exclusive: false, autoDelete: false, RabbitMqTopology.QuorumArguments(), cancellationToken: cancellationToken);
        await channel.QueueBindAsync(Topology.WorkQueue, Topology.WorkExchange, RabbitMqTopology.RoutingKey, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(Topology.DeadLetterQueue, durable: true, exclusive: false, autoDelete: false, RabbitMqTopology.QuorumArguments(), cancellationToken: cancellationToken);
        foreach (var tier in Topology.RetryTiers)
        {
            await channel.QueueDeclareAsync(Topology.RetryQueue(tier), durable: true, exclusive: false, autoDelete: false, Topology.RetryQueueArguments(tier), cancellationToken: cancellationToken);
        }

        await channel.CloseAsync(cancellationToken);
    }

    public Task PublishAsync(JobMessage message, CancellationToken cancellationToken) =>
        SendAsync("job publish", Topology.WorkExchange, RabbitMqRoutingKey(), message, null, cancellationToken);

    public Task ScheduleRetryAsync(JobMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var tier = Topology.TierFor(delay);
        if (tier < delay)
        {
            LogDelayClamped(message.JobId, delay.TotalSeconds, tier.TotalSeconds);
        }

        // The default exchange routes straight to the delay queue; its TTL dead-letters the message
        // back to the work exchange.
        return SendAsync("job retry", string.Empty, Topology.RetryQueue(tier), message, null, cancellationToken);
    }

    public Task DeadLetterAsync(JobMessage message, JobError error, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, object?>
        {
            [RabbitMqMessageCodec.ErrorCodeHeader] = error.Code.ToWire(),
            [RabbitMqMessageCodec.ErrorMessageHeader] = error.Message,
            [RabbitMqMessageCodec.ErrorAtHeader] = error.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        return SendAsync("job dead-letter", string.Empty, Topology.DeadLetterQueue, message, headers, cancellationToken);
    }

    public async Task ConsumeAsync(Func<JobMessage, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        // One channel per consumer, dispatch concurrency 1, prefetch 1: the handler of one job runs
        // on this channel's dispatcher while heartbeats and other channels keep flowing.
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(false, false, consumerDispatchConcurrency: 1), cancellationToken);
        await channel.BasicQosAsync(0, 1, false, cancellationToken);
        var inHand = Task.CompletedTask;
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var task = HandleDeliveryAsync(channel, delivery, handler, cancellationToken);
            Volatile.Write(ref inHand, task);
            return task;
        };
        var consumerTag = await channel.BasicConsumeAsync(Topology.WorkQueue, autoAck: false, consumer, cancellationToken);
        LogConsuming(Topology.WorkQueue, consumerTag);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        // Let the job in hand finish storing its state (and be acked or returned) before closing.
        await Volatile.Read(ref inHand).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await CloseQuietlyAsync(channel);

        cancellationToken.ThrowIfCancellationRequested();
    }

    public async Task<long> CountDeadLettersAsync(CancellationToken cancellationToken) =>
        await CountMessagesAsync(Topology.DeadLetterQueue, cancellationToken);

    /// <summary>Messages ready in a queue of this topology (work, retry or dead-letter queue).</summary>
    public async Task<long> CountMessagesAsync(string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var ok = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
        await channel.CloseAsync(cancellationToken);
        return ok.MessageCount;
    }

    public async Task<IReadOnlyList<DeadLetter>> PeekDeadLettersAsync(int max, CancellationToken cancellationToken)
    {
        var letters = new List<DeadLetter>();
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        for (var i = 0; i < max; i++)
        {
            var result = await channel.BasicGetAsync(Topology.DeadLetterQueue, autoAck: false, cancellationToken);
            if (result is null)
            {
                break;
            }

            letters.Add(RabbitMqMessageCodec.DecodeDeadLetter(result.BasicProperties, result.Body.Span));
        }

        // Closing without acks returns every peeked message to the queue.
        await channel.CloseAsync(cancellationToken);
        return letters;
    }

    public async ValueTask DisposeAsync()
    {
        if (_publishChannel is not null)
        {
            await CloseQuietlyAsync(_publishChannel);
            _publishChannel.Dispose();
        }

        _publishLock.Dispose();
    }

    /// <summary>Closes a channel if it is still open, never waiting long on a dead connection.</summary>
    private static async Task CloseQuietlyAsync(IChannel channel)
    {
        if (!channel.IsOpen)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await channel.CloseAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or OperationCanceledException or TimeoutException)
        {
        }
    }

    private static string RabbitMqRoutingKey() => RabbitMqTopology.RoutingKey;

    private async Task HandleDeliveryAsync(IChannel channel, BasicDeliverEventArgs delivery, Func<JobMessage, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            await SettleAsync(channel, delivery.DeliveryTag, ack: false);
            return;
        }

        JobMessage message;
        try
        {
            message = RabbitMqMessageCodec.Decode(delivery.BasicProperties, delivery.Body.Span);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException)
        {
            LogPoison(ex, delivery.DeliveryTag);
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: false, CancellationToken.None);
            return;
        }

        try
        {
            await handler(message, cancellationToken);
        }
        catch (Exception ex)
        {
            // The job's state could not be stored (or we are shutting down): give the message back.
            if (!cancellationToken.IsCancellationRequested)
            {
                LogHandlerFailed(ex, message.JobId);
                await Task.Delay(RedeliveryPause, CancellationToken.None);
            }

            await SettleAsync(channel, delivery.DeliveryTag, ack: false);
            return;
        }

        await SettleAsync(channel, delivery.DeliveryTag, ack: true);
    }

    private async Task SettleAsync(IChannel channel, ulong deliveryTag, bool ack)
    {
        try
        {
            if (ack)
            {
                await channel.BasicAckAsync(deliveryTag, multiple: false, CancellationToken.None);
            }
            else
            {
                await channel.BasicNackAsync(deliveryTag, multiple: false, requeue: true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException)
        {
            // The channel died with the connection: the broker redelivers the message, and the job
            // store makes the second delivery a no-op if this one was already handled.
            LogSettleLost(deliveryTag, ex.Message);
        }
    }

    private async Task SendAsync(string operation, string exchange, string routingKey, JobMessage message, IDictionary<string, object?>? headers, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = RabbitMqTelemetry.Source.StartActivity(operation, ActivityKind.Producer, parent);
        activity?.SetTag("job.id", message.JobId);
        activity?.SetTag("job.attempt", message.Attempt);
        activity?.SetTag("messaging.destination.name", routingKey.Length == 0 ? exchange : routingKey);
        var outgoing = activity is null ? message : message with { TraceParent = activity.Id };
        var (properties, body) = RabbitMqMessageCodec.Encode(outgoing, headers);

        var deadline = DateTime.UtcNow + options.Value.PublishRetryWindow;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await _publishLock.WaitAsync(cancellationToken);
            try
            {
                var channel = await GetPublishChannelAsync(cancellationToken);
                await channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, body, cancellationToken);
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && DateTime.UtcNow < deadline)
            {
                LogPublishRetry(message.JobId, attempt, ex.Message);
            }
            finally
            {
                _publishLock.Release();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 200 * attempt)), cancellationToken);
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is AlreadyClosedException or OperationInterruptedException or BrokerUnreachableException or IOException
            or PublishException { IsReturn: false } or TimeoutException;

    private async Task<IChannel> GetPublishChannelAsync(CancellationToken cancellationToken)
    {
        if (_publishChannel is { IsOpen: true })
        {
            return _publishChannel;
        }

        if (_publishChannel is not null && connection.IsOpen)
        {
            // Closed for good (not by a connection drop that recovery will heal): start a new one.
            _publishChannel.Dispose();
            _publishChannel = null;
        }

        if (_publishChannel is null)
        {
            _publishChannel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                cancellationToken);
        }

        return _publishChannel;
    }

    [LoggerMessage(LogLevel.Information, "Consuming {Queue} as {ConsumerTag}")]
    private partial void LogConsuming(string queue, string consumerTag);

    [LoggerMessage(LogLevel.Error, "Dropped an unreadable message (delivery {DeliveryTag})")]
    private partial void LogPoison(Exception ex, ulong deliveryTag);

    [LoggerMessage(LogLevel.Warning, "Handling job {JobId} failed; the message goes back to the queue")]
    private partial void LogHandlerFailed(Exception ex, Guid jobId);

    [LoggerMessage(LogLevel.Warning, "Could not settle delivery {DeliveryTag}: {Reason}; the broker will redeliver it")]
    private partial void LogSettleLost(ulong deliveryTag, string reason);

    [LoggerMessage(LogLevel.Warning, "Publishing job {JobId} failed (try {Attempt}): {Reason}; retrying")]
    private partial void LogPublishRetry(Guid jobId, int attempt, string reason);

    [LoggerMessage(LogLevel.Warning, "Job {JobId}: retry delay {Delay} s exceeds the longest tier; waiting {Tier} s")]
    private partial void LogDelayClamped(Guid jobId, double delay, double tier);
}
