using AiMastering.Jobs.Blobs.S3;
using AiMastering.Jobs.Queue.RabbitMq;
using AiMastering.Jobs.Store.Mongo;
using Microsoft.Extensions.Hosting;

namespace AiMastering.Jobs.Hosting;

/// <summary>
/// Chooses each backend from configuration — the same code runs embedded and in production:
/// <list type="bullet">
/// <item><c>ConnectionStrings:jobs</c>: absent or <c>Data Source=…</c> → SQLite; <c>mongodb://…</c> → MongoDB.</item>
/// <item><c>ConnectionStrings:storage</c>: absent or a folder → the file system; <c>Endpoint=…;AccessKey=…</c> → S3.</item>
/// <item><c>ConnectionStrings:rabbitmq</c>: absent → the job store is the queue; <c>amqp://…</c> → RabbitMQ.</item>
/// </list>
/// </summary>
public static class JobBackendsExtensions
{
    public static IHostApplicationBuilder AddJobBackends(this IHostApplicationBuilder builder)
    {
        builder.AddJobsCore();
        var backends = BackendSelection.From(builder.Configuration);
        _ = backends.Store switch
        {
            BackendKind.Sqlite => builder.AddSqliteJobStore(backends.JobsConnection),
            BackendKind.Mongo => builder.AddMongoJobStore("jobs"),
            _ => throw new InvalidOperationException($"Job store '{backends.Store}' is not available in this build."),
        };
        _ = backends.Blobs switch
        {
            BackendKind.FileSystem => builder.AddFileSystemBlobStore(backends.StorageConnection),
            BackendKind.S3 => builder.AddS3BlobStore("storage"),
            _ => throw new InvalidOperationException($"Blob store '{backends.Blobs}' is not available in this build."),
        };
        _ = backends.Queue switch
        {
            BackendKind.StorePolling => builder.AddStorePollingJobQueue(),
            BackendKind.RabbitMq => builder.AddRabbitMqJobQueue("rabbitmq"),
            _ => throw new InvalidOperationException($"Queue '{backends.Queue}' is not available in this build."),
        };
        return builder;
    }
}
