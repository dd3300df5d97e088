using System.Diagnostics.Metrics;
using AiMastering.ServiceDefaults.Telemetry;

namespace AiMastering.ApiService.Infrastructure;

/// <summary>The API's own meter (<see cref="MetricNames.ApiMeter"/>), exported by the service defaults.</summary>
public static class ApiMetrics
{
    private static readonly Meter Meter = new(MetricNames.ApiMeter);

    public static readonly Counter<long> JobsCreated = Meter.CreateCounter<long>(MetricNames.JobsCreated, "{job}");

    public static readonly Counter<long> JobsRefused = Meter.CreateCounter<long>(MetricNames.JobsRefused, "{job}");

    public static readonly Counter<long> JobsRetriedByOperator = Meter.CreateCounter<long>(MetricNames.JobsRetriedByOperator, "{job}");

    public static readonly Histogram<long> UploadSize = Meter.CreateHistogram<long>(
        MetricNames.UploadSize, "By", description: null, tags: null,
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [.. MetricNames.ByteBuckets.Select(b => (long)b)] });
}
