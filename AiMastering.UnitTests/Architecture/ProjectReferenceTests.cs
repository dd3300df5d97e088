using System.Text.Json;
using System.Xml.Linq;
using AiMastering.Testing;

namespace AiMastering.UnitTests.Architecture;

/// <summary>
/// Which projects may take which heavy dependencies, read from the project files and from what NuGet
/// restored for them (project.assets.json, transitive references included).
/// </summary>
public sealed class ProjectReferenceTests
{
    /// <summary>
    /// The hosts that serve HTTP, the AppHost, the tests, and ServiceDefaults — the HTTP hosts' shared
    /// defaults (it maps /health and /alive and instruments ASP.NET Core), used by nothing else.
    /// </summary>
    private static readonly string[] MayUseAspNetCore =
        ["AiMastering.ApiService", "AiMastering.Web", "AiMastering.Worker", "AiMastering.AppHost", "AiMastering.Tests", "AiMastering.UnitTests", "AiMastering.ServiceDefaults"];

    public static TheoryData<string> Projects() => [.. ProjectNames()];

    [Theory]
    [MemberData(nameof(Projects))]
    public void Only_http_hosts_reference_the_aspnetcore_framework(string project)
    {
        if (MayUseAspNetCore.Contains(project))
        {
            return;
        }

        var csproj = XDocument.Load(ProjectFile(project));
        csproj.Root!.Attribute("Sdk")?.Value.ShouldNotStartWith("Microsoft.NET.Sdk.Web");
        csproj.Descendants("FrameworkReference").Select(f => f.Attribute("Include")?.Value).ShouldNotContain("Microsoft.AspNetCore.App");
        File.ReadAllText(AssetsFile(project)).ShouldNotContain("Microsoft.AspNetCore.App", customMessage: $"{project} gets ASP.NET Core through a reference");
    }

    [Theory]
    [InlineData("AWSSDK.S3", "AiMastering.Jobs.S3")]
    [InlineData("RabbitMQ.Client", "AiMastering.Jobs.RabbitMq")]
    [InlineData("Aspire.RabbitMQ.Client", "AiMastering.Jobs.RabbitMq")]
    [InlineData("MongoDB.Driver", "AiMastering.Jobs.Mongo")]
    public void A_backend_client_is_referenced_only_by_its_backend_assembly(string package, string backend)
    {
        var referencing = ProjectNames()
            .Where(p => XDocument.Load(ProjectFile(p)).Descendants("PackageReference").Any(r => r.Attribute("Include")?.Value == package))
            .ToList();

        referencing.ShouldBe([backend]);
    }

    [Fact]
    public void The_core_restores_no_backend_client_and_no_aspnetcore()
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(AssetsFile("AiMastering.Jobs")));
        var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0]).ToList();

        libraries.ShouldContain("Microsoft.Data.Sqlite", "the assets file was read");
        libraries.ShouldNotContain(l => l.StartsWith("AWSSDK", StringComparison.Ordinal) || l.StartsWith("RabbitMQ", StringComparison.Ordinal)
            || l.StartsWith("MongoDB", StringComparison.Ordinal) || l.StartsWith("Aspire", StringComparison.Ordinal));
    }

    private static IEnumerable<string> ProjectNames() =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root(), "AiMastering.slnx")).Descendants("Project")
            .Select(p => Path.GetFileNameWithoutExtension(p.Attribute("Path")!.Value));

    private static string ProjectFile(string project) => Path.Combine(RepositoryPaths.Root(), project, project + ".csproj");

    private static string AssetsFile(string project) => Path.Combine(RepositoryPaths.Root(), project, "obj", "project.assets.json");
}
