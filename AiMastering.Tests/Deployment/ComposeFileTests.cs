using System.Text.Json;
using AiMastering.AppHost.Infrastructure;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace AiMastering.Tests.Deployment;

/// <summary>docker-compose.yml is valid, pins every image, has health checks, and stays in step with the AppHost's containers mode.</summary>
public sealed class ComposeFileTests
{
    /// <summary>AppHost resource → compose service, where the names differ.</summary>
    private static readonly Dictionary<string, string> ComposeNames = new()
    {
        [ResourceNames.Jobs] = "mongo",
        [ResourceNames.Storage] = "minio",
        [ResourceNames.RabbitMq] = "rabbitmq",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Compose_file_is_valid_with_the_example_env_file()
    {
        var (exitCode, _, errors) = await ComposeFile.ConfigAsync("--env-file", ".env.example");
        exitCode.ShouldBe(0, errors);
    }

    [Fact]
    public async Task Compose_file_refuses_to_start_without_its_secrets()
    {
        var empty = Path.GetTempFileName();
        var (exitCode, _, errors) = await ComposeFile.ConfigAsync("--env-file", empty);
        File.Delete(empty);
        exitCode.ShouldNotBe(0);
        errors.ShouldContain("MONGO_PASSWORD");
    }

    [Fact]
    public async Task Every_service_is_pinned_checked_for_health_and_the_product_services_are_there()
    {
        var services = (await ComposeFile.ResolvedAsync()).GetProperty("services");
        var names = services.EnumerateObject().Select(s => s.Name).ToList();
        names.ShouldBe(["api", "worker", "web", "mongo", "rabbitmq", "minio", "prometheus", "grafana"], ignoreOrder: true);
        foreach (var service in services.EnumerateObject())
        {
            var image = service.Value.GetProperty("image").GetString()!;
            image.ShouldContain(':', customMessage: $"{service.Name} has no tag");
            image.ShouldNotEndWith(":latest");
            service.Value.TryGetProperty("healthcheck", out _).ShouldBeTrue($"{service.Name} has no health check");
        }

        // Scalable: a fixed container name or host port would stop a second worker replica.
        var worker = services.GetProperty("worker");
        worker.TryGetProperty("container_name", out _).ShouldBeFalse();
        worker.TryGetProperty("ports", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Compose_file_and_AppHost_declare_the_same_images_volumes_variables_and_connection_strings()
    {
        var services = (await ComposeFile.ResolvedAsync()).GetProperty("services");
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiMastering_AppHost>(["Infrastructure=containers"], Ct);

        foreach (var container in builder.Resources.OfType<ContainerResource>())
        {
            var service = services.GetProperty(ComposeNames[container.Name]);
            var image = container.Annotations.OfType<ContainerImageAnnotation>().Single();
            service.GetProperty("image").GetString().ShouldBe($"{image.Registry}/{image.Image}:{image.Tag}", container.Name);
            var mounts = container.Annotations.OfType<ContainerMountAnnotation>().Select(m => m.Target);
            // docker-compose 1.x writes volumes short (source:target:mode).
            var volumes = service.GetProperty("volumes").EnumerateArray().Select(v => v.GetString()!.Split(':')[1]);
            volumes.ShouldBe(mounts, ignoreOrder: true, customMessage: container.Name);
            var variables = await EnvironmentOf(container);
            variables.Keys.Except(Names(service.GetProperty("environment"))).ShouldBeEmpty(container.Name);
        }

        foreach (var name in new[] { ResourceNames.Api, ResourceNames.Worker })
        {
            var variables = await EnvironmentOf(builder.Resources.Single(r => r.Name == name));
            var connections = variables.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList();
            connections.ShouldNotBeEmpty();
            Names(services.GetProperty(name).GetProperty("environment"))
                .Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
                .ShouldBe(connections, ignoreOrder: true, customMessage: name);
        }
    }

    private static List<string> Names(JsonElement environment) => [.. environment.EnumerateObject().Select(p => p.Name)];

    private static async Task<Dictionary<string, object>> EnvironmentOf(IResource resource)
    {
        var variables = new Dictionary<string, object>();
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), variables, Ct));
        }

        return variables;
    }
}
