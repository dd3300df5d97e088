using Microsoft.Extensions.Configuration;

namespace AiMastering.AppHost.Infrastructure;

/// <summary>The AppHost's wiring, one method per concern, so Program.cs reads as a list.</summary>
public static class AppModelExtensions
{
    /// <summary>Embedded mode: both services share one data folder (SQLite file, stored files, signing key).</summary>
    public static IResourceBuilder<ProjectResource> WithEmbeddedData(this IResourceBuilder<ProjectResource> project, string dataFolder) =>
        project.WithEnvironment("Data__Folder", dataFolder);

    /// <summary>External mode: pass the operator's connection strings through unchanged.</summary>
    public static IResourceBuilder<ProjectResource> WithExternalConnections(this IResourceBuilder<ProjectResource> project, IConfiguration configuration)
    {
        foreach (var name in new[] { ResourceNames.Jobs, ResourceNames.RabbitMq, ResourceNames.Storage })
        {
            var value = configuration.GetConnectionString(name);
            if (!string.IsNullOrWhiteSpace(value))
            {
                project.WithEnvironment($"ConnectionStrings__{name}", value);
            }
        }

        return project;
    }

    /// <summary>Settings every service gets from the AppHost's own configuration section <c>Services</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithSharedSettings(this IResourceBuilder<ProjectResource> project, IConfiguration configuration)
    {
        foreach (var setting in configuration.GetSection("Services").AsEnumerable(makePathsRelative: true))
        {
            if (setting.Value is not null)
            {
                project.WithEnvironment(setting.Key.Replace(":", "__", StringComparison.Ordinal), setting.Value);
            }
        }

        return project;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiMastering.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
