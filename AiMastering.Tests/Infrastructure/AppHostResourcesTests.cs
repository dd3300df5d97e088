using AiMastering.AppHost.Infrastructure;
using AiMastering.AppHost.Resources;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace AiMastering.Tests.Infrastructure;

/// <summary>
/// The container infrastructure, checked on the app model alone (no Docker): pinned images, health
/// checks, data volumes, connection strings, and services that reference and wait for all three.
/// </summary>
public sealed class AppHostResourcesTests
{
    private static IDistributedApplicationBuilder NewBuilder() => DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true });

    private static void ShouldHaveVolume(IResource resource, string source, string target)
    {
        var mount = resource.Annotations.OfType<ContainerMountAnnotation>().ShouldHaveSingleItem();
        mount.Type.ShouldBe(ContainerMountType.Volume);
        mount.Source.ShouldBe(source);
        mount.Target.ShouldBe(target);
    }

    [Fact]
    public void Mongo_is_a_pinned_container_with_a_health_check_a_volume_and_a_mongodb_url()
    {
        var builder = NewBuilder();

        var mongo = builder.AddMongo(ResourceNames.Jobs);

        var image = mongo.Resource.Annotations.OfType<ContainerImageAnnotation>().ShouldHaveSingleItem();
        (image.Registry, image.Image, image.Tag).ShouldBe(("docker.io", "library/mongo", "8.0.4"));
        mongo.Resource.Annotations.OfType<HealthCheckAnnotation>().ShouldHaveSingleItem().Key.ShouldBe("jobs_check");
        ShouldHaveVolume(mongo.Resource, "aimastering-jobs-data", "/data/db");
        mongo.Resource.Annotations.OfType<EndpointAnnotation>().ShouldHaveSingleItem().TargetPort.ShouldBe(27017);
        var connection = mongo.Resource.ConnectionStringExpression.ValueExpression;
        connection.ShouldStartWith("mongodb://admin:{jobs-password.value}@{jobs.bindings.tcp.");
        connection.ShouldEndWith("/aimastering?authSource=admin");
    }

    [Fact]
    public void Minio_is_a_pinned_container_with_a_health_check_a_volume_and_an_s3_connection_string()
    {
        var builder = NewBuilder();

        var minio = builder.AddMinio(ResourceNames.Storage);

        var image = minio.Resource.Annotations.OfType<ContainerImageAnnotation>().ShouldHaveSingleItem();
        (image.Registry, image.Image).ShouldBe(("quay.io", "minio/minio"));
        image.Tag.ShouldStartWith("RELEASE.");
        minio.Resource.Annotations.OfType<HealthCheckAnnotation>().ShouldHaveSingleItem();
        ShouldHaveVolume(minio.Resource, "aimastering-storage-data", "/data");
        var expression = minio.Resource.ConnectionStringExpression.ValueExpression;
        expression.ShouldStartWith("Endpoint=http://{storage.bindings.http.");
        expression.ShouldEndWith(";AccessKey=aimastering;SecretKey={storage-password.value};Bucket=aimastering");
    }

    [Fact]
    public void RabbitMq_has_the_management_ui_a_pinned_image_a_health_check_and_a_volume()
    {
        var builder = NewBuilder();

        var rabbit = builder.AddJobBroker(ResourceNames.RabbitMq);

        var image = rabbit.Resource.Annotations.OfType<ContainerImageAnnotation>().ShouldHaveSingleItem();
        image.Tag.ShouldNotBeNull().ShouldNotBe("latest");
        image.Tag.ShouldContain("management");
        rabbit.Resource.Annotations.OfType<HealthCheckAnnotation>().ShouldNotBeEmpty();
        rabbit.Resource.Annotations.OfType<EndpointAnnotation>().Select(e => e.TargetPort).ShouldContain(15672);
        ShouldHaveVolume(rabbit.Resource, "aimastering-rabbitmq-data", "/var/lib/rabbitmq");
    }

    [Fact]
    public void Api_and_worker_reference_and_wait_for_all_three()
    {
        var builder = NewBuilder();
        var jobs = builder.AddMongo(ResourceNames.Jobs);
        var rabbit = builder.AddJobBroker(ResourceNames.RabbitMq);
        var storage = builder.AddMinio(ResourceNames.Storage);

        var api = builder.AddProject<Projects.AiMastering_ApiService>(ResourceNames.Api).WithContainerBackends(jobs, rabbit, storage);
        var worker = builder.AddProject<Projects.AiMastering_Worker>(ResourceNames.Worker).WithContainerBackends(jobs, rabbit, storage);

        foreach (var service in new IResource[] { api.Resource, worker.Resource })
        {
            service.Annotations.OfType<WaitAnnotation>().Select(w => (w.Resource.Name, w.WaitType))
                .ShouldBe([("jobs", WaitType.WaitUntilHealthy), ("rabbitmq", WaitType.WaitUntilHealthy), ("storage", WaitType.WaitUntilHealthy)], ignoreOrder: true);
            service.Annotations.OfType<ResourceRelationshipAnnotation>().Where(r => r.Type == "Reference").Select(r => r.Resource.Name)
                .ShouldBe(["jobs", "rabbitmq", "storage"], ignoreOrder: true);
        }
    }
}
