using System.Text.Json;
using AiMastering.Testing;

namespace AiMastering.Tests.Deployment;

/// <summary>
/// docker-compose.yml as docker-compose itself resolves it (<c>docker-compose config</c>, no engine needed) with the
/// committed .env.example, read as JSON (python3-yaml, which Debian's docker-compose depends on, converts it).
/// </summary>
internal static class ComposeFile
{
    public static string Root => RepositoryPaths.Root();

    public static Task<(int ExitCode, string Output, string Errors)> ConfigAsync(params string[] extra) =>
        Tool.RunAsync("docker-compose", [.. extra, "-f", "docker-compose.yml", "config"], Root);

    public static async Task<JsonElement> ResolvedAsync()
    {
        var (exitCode, yaml, errors) = await ConfigAsync("--env-file", ".env.example");
        exitCode.ShouldBe(0, errors);
        var (converted, json, failure) = await Tool.RunAsync(
            "python3", ["-c", "import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)"], Root, yaml);
        converted.ShouldBe(0, failure);
        return JsonDocument.Parse(json).RootElement;
    }
}
