namespace AiMastering.ServiceDefaults.Telemetry;

/// <summary>
/// Our meters and instruments, in one place: the services emit them, deploy/grafana's dashboard and
/// deploy/prometheus's alerts query them. Prometheus sees each name with dots as underscores, the unit appended
/// (<c>_seconds</c>, <c>_bytes</c>) and <c>_total</c> on counters, e.g. <c>aimastering_api_jobs_created_total</c>.
/// </summary>
public static class MetricNames
{
    public const string ApiMeter = "AiMastering.Api";
    public const string WorkerMeter = "AiMastering.Worker";

    /// <summary>Jobs accepted by <c>POST /jobs</c> (counter; tag <see cref="TargetTag"/>).</summary>
    public const string JobsCreated = "aimastering.api.jobs.created";

    /// <summary>Job requests refused with a problem (counter; tag <see cref="CodeTag"/>).</summary>
    public const string JobsRefused = "aimastering.api.jobs.refused";

    /// <summary>Failed jobs put back in the queue by an operator (counter).</summary>
    public const string JobsRetriedByOperator = "aimastering.api.jobs.operator_retried";

    /// <summary>Size of each uploaded mix or reference a job was created for (histogram, bytes).</summary>
    public const string UploadSize = "aimastering.api.upload.size";

    /// <summary>Jobs a worker finished processing (counter; tags <see cref="OutcomeTag"/>, <see cref="CodeTag"/>).</summary>
    public const string JobsProcessed = "aimastering.worker.jobs.processed";

    /// <summary>Time in each stage of a job (histogram, seconds; tag <see cref="StageTag"/>).</summary>
    public const string StageDuration = "aimastering.worker.stage.duration";

    /// <summary>Seconds of audio mastered per second of processing (histogram).</summary>
    public const string RealtimeFactor = "aimastering.worker.realtime_factor";

    /// <summary>Jobs being processed by this worker right now (up-down counter).</summary>
    public const string JobsInFlight = "aimastering.worker.jobs.in_flight";

    /// <summary>Jobs this worker can process at once, <c>Worker:Concurrency</c> (gauge).</summary>
    public const string Consumers = "aimastering.worker.consumers";

    /// <summary>Jobs waiting in the queue (gauge, from the store; every worker reports the same figure, so queries take the max).</summary>
    public const string QueueDepth = "aimastering.queue.depth";

    /// <summary>Age of the oldest queued job since its creation (gauge, seconds; like <see cref="QueueDepth"/>).</summary>
    public const string QueueOldestAge = "aimastering.queue.oldest_age";

    /// <summary>Messages in RabbitMQ's dead-letter queue, or with the store-polling queue the jobs that ran out of retries (gauge; like <see cref="QueueDepth"/>).</summary>
    public const string DeadLetters = "aimastering.queue.dead_letters";

    public const string OutcomeTag = "outcome";
    public const string CodeTag = "code";
    public const string StageTag = "stage";
    public const string TargetTag = "target";

    /// <summary>Outcomes of <see cref="JobsProcessed"/>.</summary>
    public const string Done = "done";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>Bucket bounds for <see cref="StageDuration"/>: from a JSON upload to a long track's render.</summary>
    public static readonly IReadOnlyList<double> SecondsBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120, 300];

    /// <summary>Bucket bounds for <see cref="RealtimeFactor"/>.</summary>
    public static readonly IReadOnlyList<double> RealtimeBuckets = [1, 2, 5, 10, 20, 50, 100, 200, 500];

    /// <summary>Bucket bounds for <see cref="UploadSize"/>: 1 MB … 500 MB.</summary>
    public static readonly IReadOnlyList<double> ByteBuckets = [1e6, 5e6, 10e6, 25e6, 50e6, 100e6, 250e6, 500e6];
}
