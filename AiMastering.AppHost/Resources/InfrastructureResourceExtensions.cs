using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiMastering.AppHost.Resources;

/// <summary>
/// The containers of <c>Infrastructure=containers</c>: MongoDB and MinIO as small custom resources
/// (their Aspire hosting packages are not available), RabbitMQ from Aspire.Hosting.RabbitMQ.
/// Each has a pinned image, a data volume and a health check, so <c>WaitFor</c> means healthy.
/// </summary>
public static class InfrastructureResourceExtensions
{
    public static IResourceBuilder<MongoServerResource> AddMongo(this IDistributedApplicationBuilder builder, string name, string databaseName = "aimastering")
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var mongo = new MongoServerResource(name, password, databaseName);
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new TcpEndpointHealthCheck(mongo.PrimaryEndpoint), failureStatus: null, tags: null));
        return builder.AddResource(mongo)
            .WithImage(ContainerImages.MongoImage, ContainerImages.MongoTag)
            .WithImageRegistry(ContainerImages.Registry)
            .WithEndpoint(targetPort: 27017, name: MongoServerResource.PrimaryEndpointName)
            .WithEnvironment("MONGO_INITDB_ROOT_USERNAME", MongoServerResource.UserName)
            .WithEnvironment("MONGO_INITDB_ROOT_PASSWORD", password)
            .WithVolume($"aimastering-{name}-data", "/data/db")
            .WithHealthCheck(healthCheckKey);
    }

    public static IResourceBuilder<MinioServerResource> AddMinio(this IDistributedApplicationBuilder builder, string name, string bucket = "aimastering")
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var minio = new MinioServerResource(name, password, bucket);
        return builder.AddResource(minio)
            .WithImage(ContainerImages.MinioImage, ContainerImages.MinioTag)
            .WithImageRegistry(ContainerImages.MinioRegistry)
            .WithArgs("server", "/data", "--console-address", ":9001")
            .WithHttpEndpoint(targetPort: 9000, name: MinioServerResource.PrimaryEndpointName)
            .WithHttpEndpoint(targetPort: 9001, name: MinioServerResource.ConsoleEndpointName)
            .WithEnvironment("MINIO_ROOT_USER", MinioServerResource.RootUser)
            .WithEnvironment("MINIO_ROOT_PASSWORD", password)
            .WithVolume($"aimastering-{name}-data", "/data")
            .WithHttpHealthCheck("/minio/health/live", endpointName: MinioServerResource.PrimaryEndpointName);
    }

    /// <summary>RabbitMQ with the management UI and a data volume (Aspire's pinned image).</summary>
    public static IResourceBuilder<RabbitMQServerResource> AddJobBroker(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddRabbitMQ(name)
            .WithManagementPlugin()
            .WithDataVolume($"aimastering-{name}-data");

    /// <summary>
    /// Where browsers reach MinIO (<c>Storage:S3:PublicEndpoint</c>), for the presigned URLs the API hands out. Running,
    /// MinIO's host port, which a browser on this machine reaches; published, the address the deployment exposes MinIO
    /// at is a parameter (<c>{name}-public-endpoint</c>), since the internal address is unreachable from outside.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithStoragePublicEndpoint(this IResourceBuilder<ProjectResource> project, IResourceBuilder<MinioServerResource> storage)
    {
        const string variable = "Storage__S3__PublicEndpoint";
        if (project.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            storage.WithExternalHttpEndpoints();
            return project.WithEnvironment(variable, project.ApplicationBuilder.AddParameter($"{storage.Resource.Name}-public-endpoint"));
        }

        return project.WithEnvironment(variable, storage.GetEndpoint(MinioServerResource.PrimaryEndpointName));
    }

    /// <summary>A service that needs all three: one reference and one wait per backend.</summary>
    public static IResourceBuilder<ProjectResource> WithContainerBackends(
        this IResourceBuilder<ProjectResource> project,
        IResourceBuilder<MongoServerResource> jobs,
        IResourceBuilder<RabbitMQServerResource> rabbitMq,
        IResourceBuilder<MinioServerResource> storage) =>
        project
            .WithReference(jobs).WaitFor(jobs)
            .WithReference(rabbitMq).WaitFor(rabbitMq)
            .WithReference(storage).WaitFor(storage);
}
