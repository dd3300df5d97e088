using System.Diagnostics.Metrics;
using AiMastering.ServiceDefaults.Telemetry;

namespace AiMastering.Worker.Telemetry;

/// <summary>The worker's own meter (<see cref="MetricNames.WorkerMeter"/>), exported by the service defaults.</summary>
public static class WorkerMetrics
{
    private static readonly Meter Meter = new(MetricNames.WorkerMeter);

    private static int consumers;

    public static readonly Counter<long> JobsProcessed = Meter.CreateCounter<long>(MetricNames.JobsProcessed, "{job}");

    public static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(
        MetricNames.StageDuration, "s", description: null, tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MetricNames.SecondsBuckets });

    public static readonly Histogram<double> RealtimeFactor = Meter.CreateHistogram<double>(
        MetricNames.RealtimeFactor, unit: null, description: null, tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MetricNames.RealtimeBuckets });

    public static readonly UpDownCounter<long> JobsInFlight = Meter.CreateUpDownCounter<long>(MetricNames.JobsInFlight, "{job}");

    private static readonly ObservableGauge<int> ConsumerGauge = Meter.CreateObservableGauge(MetricNames.Consumers, () => Volatile.Read(ref consumers), "{job}");

    /// <summary>How many jobs this process takes at once (the denominator of the dashboard's utilisation).</summary>
    public static void SetConsumers(int count)
    {
        _ = ConsumerGauge;
        Volatile.Write(ref consumers, count);
    }
}
