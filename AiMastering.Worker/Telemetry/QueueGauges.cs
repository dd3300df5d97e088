using System.Diagnostics.Metrics;
using AiMastering.Jobs.Queue;
using AiMastering.Jobs.Store;
using AiMastering.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Options;

namespace AiMastering.Worker.Telemetry;

/// <summary>
/// The queue-wide gauges: jobs waiting (<see cref="MetricNames.QueueDepth"/>), the age of the oldest
/// (<see cref="MetricNames.QueueOldestAge"/>) and dead letters (<see cref="MetricNames.DeadLetters"/>: RabbitMQ's
/// dead-letter queue when the queue has one, else the jobs that ran out of attempts). Observable gauges are read
/// synchronously at every scrape, and the store is async and may be slow, so a loop samples it every
/// <see cref="WorkerOptions.QueueGaugeInterval"/> and the gauges report the last sample (the age grows between samples).
/// Every worker reports the same queue: the dashboard and alerts take the max across instances, not the sum.
/// While the store cannot be read the gauges report nothing rather than stale figures.
/// </summary>
internal sealed class QueueGauges : BackgroundService
{
    private readonly IJobStore store;
    private readonly IDeadLetterInspector? deadLetters;
    private readonly TimeProvider time;
    private readonly TimeSpan interval;
    private readonly ILogger<QueueGauges> logger;
    private Sample? last;

    public QueueGauges(IJobStore store, IMeterFactory meters, TimeProvider time, IOptions<WorkerOptions> options, ILogger<QueueGauges> logger, IDeadLetterInspector? deadLetters = null)
    {
        this.store = store;
        this.deadLetters = deadLetters;
        this.time = time;
        this.logger = logger;
        interval = options.Value.QueueGaugeInterval;
        var meter = meters.Create(MetricNames.WorkerMeter);
        meter.CreateObservableGauge(MetricNames.QueueDepth, () => Observe(s => s.Snapshot.Queued), "{job}");
        meter.CreateObservableGauge(MetricNames.QueueOldestAge, () => Observe(OldestAge), "s");
        meter.CreateObservableGauge(MetricNames.DeadLetters, () => Observe(s => s.DeadLetters), "{job}");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            await SampleAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await store.GetQueueSnapshotAsync(cancellationToken);
            var dead = deadLetters is null ? snapshot.GaveUp : await deadLetters.CountDeadLettersAsync(cancellationToken);
            Volatile.Write(ref last, new Sample(snapshot, dead));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Volatile.Write(ref last, null);
            logger.LogWarning(ex, "The queue gauges could not be read; they report nothing until the next sample succeeds");
        }
    }

    private double OldestAge(Sample sample) =>
        sample.Snapshot.OldestQueuedAt is { } oldest ? Math.Max(0, (time.GetUtcNow() - oldest).TotalSeconds) : 0;

    private IEnumerable<Measurement<double>> Observe(Func<Sample, double> value) =>
        Volatile.Read(ref last) is { } sample ? [new Measurement<double>(value(sample))] : [];

    private sealed record Sample(QueueSnapshot Snapshot, long DeadLetters);
}
