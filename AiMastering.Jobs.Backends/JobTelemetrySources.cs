using AiMastering.Jobs.Blobs.S3;
using AiMastering.Jobs.Processing;
using AiMastering.Jobs.Queue.RabbitMq;
using AiMastering.Jobs.Store.Mongo;

namespace AiMastering.Jobs.Hosting;

/// <summary>The activity sources and meters of the job pipeline's assemblies, one per assembly.</summary>
public static class JobTelemetrySources
{
    public static IReadOnlyList<string> All { get; } =
        [JobTelemetry.Name, RabbitMqTelemetry.Name, S3Telemetry.Name, MongoCommandTracing.SourceName];
}
