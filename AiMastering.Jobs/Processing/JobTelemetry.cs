using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiMastering.Jobs.Processing;

/// <summary>Our own traces and metrics ("AiMastering.Jobs"), exported by the service defaults.</summary>
public static class JobTelemetry
{
    public const string Name = "AiMastering.Jobs";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> JobsCreated = Meter.CreateCounter<long>("aimastering.jobs.created", "{job}");
    public static readonly Counter<long> JobsCompleted = Meter.CreateCounter<long>("aimastering.jobs.completed", "{job}");
    public static readonly Counter<long> JobsFailed = Meter.CreateCounter<long>("aimastering.jobs.failed", "{job}");
    public static readonly Counter<long> JobsRetried = Meter.CreateCounter<long>("aimastering.jobs.retried", "{job}");
    public static readonly Counter<long> JobsRecovered = Meter.CreateCounter<long>("aimastering.jobs.recovered", "{job}");
    public static readonly Histogram<double> ProcessingSeconds = Meter.CreateHistogram<double>("aimastering.jobs.processing.duration", "s");

    /// <summary>Starts a consumer span that continues the trace of the request that created the job.</summary>
    public static Activity? StartConsume(string name, string? traceParent)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        return Source.StartActivity(name, ActivityKind.Consumer, parent);
    }
}
