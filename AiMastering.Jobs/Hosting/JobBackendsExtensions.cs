using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Blobs.S3;
using AiMastering.Jobs.Processing;
using AiMastering.Jobs.Queue;
using AiMastering.Jobs.Queue.RabbitMq;
using AiMastering.Jobs.Security;
using AiMastering.Jobs.Store;
using AiMastering.Jobs.Store.Mongo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section).ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobRunnerOptions>().BindConfiguration(JobRunnerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorePollingOptions>().BindConfiguration("Queue:Polling");

        var backends = BackendSelection.From(builder.Configuration);
        services.AddSingleton(backends);
        services.AddSingleton(sp =>
        {
            var data = sp.GetRequiredService<IOptions<DataOptions>>().Value;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new UrlSigner(UrlSigner.LoadOrCreateKey(storage.SigningKey, data.FullFolder));
        });

        switch (backends.Store)
        {
            case BackendKind.Sqlite:
                services.AddSingleton<IJobStore>(sp => new SqliteJobStore(
                    backends.JobsConnection ?? $"Data Source={Path.Combine(sp.GetRequiredService<IOptions<DataOptions>>().Value.FullFolder, "jobs.db")}"));
                break;
            case BackendKind.Mongo:
                builder.AddMongoJobStore("jobs");
                break;
            default:
                throw new InvalidOperationException($"Job store '{backends.Store}' is not available in this build.");
        }

        switch (backends.Blobs)
        {
            case BackendKind.FileSystem:
                services.AddSingleton(sp => new FileSystemBlobStore(
                    backends.StorageConnection ?? Path.Combine(sp.GetRequiredService<IOptions<DataOptions>>().Value.FullFolder, "blobs"),
                    sp.GetRequiredService<UrlSigner>()));
                services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<FileSystemBlobStore>());
                break;
            case BackendKind.S3:
                builder.AddS3BlobStore("storage");
                break;
            default:
                throw new InvalidOperationException($"Blob store '{backends.Blobs}' is not available in this build.");
        }

        switch (backends.Queue)
        {
            case BackendKind.StorePolling:
                services.AddSingleton<IJobQueue>(sp => new StorePollingJobQueue(
                    sp.GetRequiredService<IJobStore>(), sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<IOptions<StorePollingOptions>>().Value));
                break;
            case BackendKind.RabbitMq:
                builder.AddRabbitMqJobQueue("rabbitmq");
                break;
            default:
                throw new InvalidOperationException($"Queue '{backends.Queue}' is not available in this build.");
        }

        services.AddHostedService<BackendInitializer>();
        services.AddHealthChecks().AddCheck<JobBackendsHealthCheck>("job-backends", tags: ["ready"]);
        return builder;
    }
}
