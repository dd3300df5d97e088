using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

namespace AiMastering.Jobs.Store.Mongo;

public static class MongoJobStoreExtensions
{
    /// <summary>
    /// Registers an <see cref="IMongoClient"/> from <c>ConnectionStrings:{connectionName}</c>
    /// (<c>mongodb://…/database</c>; database <c>aimastering</c> when the URL names none), a
    /// <c>mongodb</c> health check (ping), command tracing (source <see cref="MongoCommandTracing.SourceName"/>)
    /// and <see cref="MongoJobStore"/> as <see cref="IJobStore"/>.
    /// </summary>
    public static IHostApplicationBuilder AddMongoJobStore(this IHostApplicationBuilder builder, string connectionName = "jobs")
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is missing.");
        var url = MongoUrl.Create(connectionString);
        var settings = MongoClientSettings.FromUrl(url);
        settings.ClusterConfigurator = MongoCommandTracing.Subscribe;
        settings.ApplicationName ??= builder.Environment.ApplicationName;

        builder.Services.TryAddSingleton<IMongoClient>(_ => new MongoClient(settings));
        builder.Services.TryAddSingleton(sp => sp.GetRequiredService<IMongoClient>().GetDatabase(url.DatabaseName ?? "aimastering"));
        builder.Services.AddSingleton(sp => new MongoJobStore(sp.GetRequiredService<IMongoDatabase>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<IJobStore>(sp => sp.GetRequiredService<MongoJobStore>()));
        builder.Services.AddHealthChecks().AddCheck<MongoHealthCheck>("mongodb", tags: ["ready"]);
        return builder;
    }
}
