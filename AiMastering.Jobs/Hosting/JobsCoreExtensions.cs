using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Processing;
using AiMastering.Jobs.Queue;
using AiMastering.Jobs.Security;
using AiMastering.Jobs.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiMastering.Jobs.Hosting;

/// <summary>
/// What every host of the job pipeline needs (options, clock, URL signer, start-up initialisation,
/// health check) and the registrations of the embedded backends. The choice between embedded and
/// external backends is made by <c>AddJobBackends()</c> in AiMastering.Jobs.Backends, which knows them all.
/// </summary>
public static class JobsCoreExtensions
{
    /// <summary>Options, clock, signer, <see cref="BackendSelection"/>, start-up initialisation and the health check.</summary>
    public static IHostApplicationBuilder AddJobsCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section).ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobRunnerOptions>().BindConfiguration(JobRunnerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorePollingOptions>().BindConfiguration("Queue:Polling");
        services.TryAddSingleton(BackendSelection.From(builder.Configuration));
        services.TryAddSingleton(sp =>
        {
            var data = sp.GetRequiredService<IOptions<DataOptions>>().Value;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new UrlSigner(UrlSigner.LoadOrCreateKey(storage.SigningKey, data.FullFolder));
        });
        services.AddHostedService<BackendInitializer>();
        services.AddHealthChecks().AddCheck<JobBackendsHealthCheck>("job-backends", tags: ["ready"]);
        return builder;
    }

    /// <summary>The SQLite job store; without a connection string, <c>jobs.db</c> in the data folder.</summary>
    public static IHostApplicationBuilder AddSqliteJobStore(this IHostApplicationBuilder builder, string? connectionString = null)
    {
        builder.Services.AddSingleton<IJobStore>(sp => new SqliteJobStore(
            connectionString ?? $"Data Source={Path.Combine(sp.GetRequiredService<IOptions<DataOptions>>().Value.FullFolder, "jobs.db")}"));
        return builder;
    }

    /// <summary>The file-system blob store; without a folder, <c>blobs</c> in the data folder.</summary>
    public static IHostApplicationBuilder AddFileSystemBlobStore(this IHostApplicationBuilder builder, string? folder = null)
    {
        builder.Services.AddSingleton(sp => new FileSystemBlobStore(
            folder ?? Path.Combine(sp.GetRequiredService<IOptions<DataOptions>>().Value.FullFolder, "blobs"),
            sp.GetRequiredService<UrlSigner>()));
        builder.Services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<FileSystemBlobStore>());
        return builder;
    }

    /// <summary>The job store as the queue (no broker).</summary>
    public static IHostApplicationBuilder AddStorePollingJobQueue(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IJobQueue>(sp => new StorePollingJobQueue(
            sp.GetRequiredService<IJobStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<StorePollingOptions>>().Value));
        return builder;
    }
}
