using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace AiMastering.Tests.Infrastructure;

/// <summary>The real AppHost's model in each infrastructure mode, inspected without starting anything (no Docker).</summary>
public sealed class AppHostModesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Containers_mode_declares_mongodb_rabbitmq_and_minio_and_the_services_wait_for_them()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiMastering_AppHost>(["Infrastructure=containers"], Ct);
        var containers = builder.Resources.OfType<ContainerResource>().ToDictionary(r => r.Name);
        containers.Keys.ShouldBe(["jobs", "rabbitmq", "storage"], ignoreOrder: true);
        foreach (var container in containers.Values)
        {
            container.Annotations.OfType<ContainerImageAnnotation>().Single().Tag.ShouldNotBe("latest");
            container.Annotations.OfType<ContainerMountAnnotation>().ShouldContain(m => m.Type == ContainerMountType.Volume);
        }

        foreach (var name in new[] { "api", "worker" })
        {
            var service = builder.Resources.Single(r => r.Name == name);
            service.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).ShouldBe(["jobs", "rabbitmq", "storage"], ignoreOrder: true);
        }
    }

    [Fact]
    public async Task Published_worker_image_is_built_from_the_dockerfile_that_installs_its_codecs()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiMastering_AppHost>(["--operation", "publish", "Infrastructure=embedded"], Ct);
        var worker = builder.Resources.Single(r => r.Name == "worker");
        var dockerfile = worker.Annotations.OfType<DockerfileBuildAnnotation>().Single();
        Path.GetFullPath(dockerfile.DockerfilePath).ShouldEndWith(Path.Combine("AiMastering.Worker", "Dockerfile"));
        File.Exists(Path.Combine(dockerfile.ContextPath, "AiMastering.slnx")).ShouldBeTrue("the build context is the repository root");
        var text = await File.ReadAllTextAsync(dockerfile.DockerfilePath, Ct);
        foreach (var package in new[] { "ffmpeg", "libmp3lame0", "libmpg123-0" })
        {
            text.ShouldContain(package);
        }
    }

    [Fact]
    public async Task Embedded_mode_needs_no_container_and_shares_one_data_folder()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiMastering_AppHost>(["Infrastructure=embedded", "DataFolder=/tmp/aim-model"], Ct);
        builder.Resources.OfType<ContainerResource>().ShouldBeEmpty();
        builder.Resources.OfType<ProjectResource>().Select(r => r.Name).ShouldBe(["api", "worker", "web"], ignoreOrder: true);
        foreach (var name in new[] { "api", "worker" })
        {
            var project = (ProjectResource)builder.Resources.Single(r => r.Name == name);
            var env = new Dictionary<string, object>();
            foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
            {
                await callback.Callback(new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), env, Ct));
            }

            env["Data__Folder"].ShouldBe("/tmp/aim-model");
        }
    }
}
