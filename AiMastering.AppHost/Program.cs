using AiMastering.AppHost.Infrastructure;
using AiMastering.AppHost.Resources;

var builder = DistributedApplication.CreateBuilder(args);
var config = builder.Configuration;
var mode = ContainerEngineProbe.Resolve(config["Infrastructure"]);
var dataFolder = Path.GetFullPath(config["DataFolder"] ?? Path.Combine(AppModelExtensions.RepositoryRoot(), ".data"));
int? webPort = int.TryParse(config["WEB_PORT"] ?? config["WebPort"], out var port) && port > 0 ? port : null;
var webHost = config["WEB_HOST"] ?? config["WebHost"] ?? "127.0.0.1";
var auth = FrontDoorAuth.Resolve(config["Auth"], webHost, builder.ExecutionContext.IsPublishMode);

var api = builder.AddProject<Projects.AiMastering_ApiService>(ResourceNames.Api)
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithSharedSettings(config)
    .WithAuth(auth, config);

var worker = builder.AddProject<Projects.AiMastering_Worker>(ResourceNames.Worker)
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithSharedSettings(config)
    // Published from its Dockerfile: the image needs ffmpeg, LAME and libmpg123, which the SDK's container build cannot add.
    .PublishAsDockerFile(image => image.WithDockerfile(AppModelExtensions.RepositoryRoot(), "AiMastering.Worker/Dockerfile"));

IResourceBuilder<MinioServerResource>? objectStore = null;
switch (mode)
{
    case InfrastructureMode.Embedded:
        api.WithEmbeddedData(dataFolder);
        worker.WithEmbeddedData(dataFolder);
        break;
    case InfrastructureMode.External:
        api.WithExternalConnections(config).WithEmbeddedData(dataFolder);
        worker.WithExternalConnections(config).WithEmbeddedData(dataFolder);
        break;
    case InfrastructureMode.Containers:
        var jobs = builder.AddMongo(ResourceNames.Jobs);
        var rabbitmq = builder.AddJobBroker(ResourceNames.RabbitMq);
        var storage = objectStore = builder.AddMinio(ResourceNames.Storage);
        api.WithContainerBackends(jobs, rabbitmq, storage).WithStoragePublicEndpoint(storage);
        worker.WithContainerBackends(jobs, rabbitmq, storage);
        break;
}

var web = builder.AddProject<Projects.AiMastering_Web>(ResourceNames.Web)
    .WithHttpEndpoint(port: webPort, name: "http")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithReference(api)
    .WaitFor(api);
if (objectStore is not null)
{
    // The browser uploads to and plays from MinIO directly: the front door's CSP must allow it.
    web.WithEnvironment("FrontDoor__StorageOrigins", objectStore.GetEndpoint(MinioServerResource.PrimaryEndpointName));
}

if (!FrontDoorAuth.IsLoopback(webHost))
{
    web.WithEndpoint("http", e => e.TargetHost = webHost);
}

builder.Build().Run();
