using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AiMastering.Jobs.Blobs.S3;

public static class S3BlobStoreExtensions
{
    /// <summary>
    /// Registers <see cref="S3BlobStore"/> as <see cref="IBlobStore"/> from
    /// <c>ConnectionStrings:{connectionName}</c> (<c>Endpoint=…;AccessKey=…;SecretKey=…;Bucket=…</c>) and
    /// <c>Storage:S3:CorsOrigins</c> and <c>Storage:S3:PublicEndpoint</c>.
    /// </summary>
    public static IHostApplicationBuilder AddS3BlobStore(this IHostApplicationBuilder builder, string connectionName = "storage")
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is missing.");
        var options = S3StorageOptions.Parse(connectionString);
        foreach (var origin in builder.Configuration.GetSection($"{S3StorageOptions.Section}:CorsOrigins").Get<string[]>() ?? [])
        {
            options.CorsOrigins.Add(origin);
        }

        if (builder.Configuration[$"{S3StorageOptions.Section}:PublicEndpoint"] is { Length: > 0 } publicEndpoint)
        {
            options.PublicEndpoint = new Uri(publicEndpoint);
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IAmazonS3>(_ => S3BlobStore.CreateClient(options));
        builder.Services.AddSingleton<S3BlobStore>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IBlobStore>(sp => sp.GetRequiredService<S3BlobStore>()));
        return builder;
    }
}
