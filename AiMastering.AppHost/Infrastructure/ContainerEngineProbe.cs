using System.Diagnostics;

namespace AiMastering.AppHost.Infrastructure;

/// <summary>Does a Docker or Podman engine answer? (<c>Infrastructure=auto</c> asks this once at start.)</summary>
public static class ContainerEngineProbe
{
    public static bool EngineAnswers(TimeSpan timeout)
    {
        foreach (var cli in new[] { "docker", "podman" })
        {
            try
            {
                var start = new ProcessStartInfo(cli, "info --format {{.ServerVersion}}")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                using var process = Process.Start(start);
                if (process is null)
                {
                    continue;
                }

                if (!process.WaitForExit(timeout))
                {
                    process.Kill(entireProcessTree: true);
                    continue;
                }

                if (process.ExitCode == 0)
                {
                    return true;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // That CLI is not installed.
            }
        }

        return false;
    }

    public static InfrastructureMode Resolve(string? setting) => (setting ?? "auto").Trim().ToLowerInvariant() switch
    {
        "auto" or "" => EngineAnswers(TimeSpan.FromSeconds(5)) ? InfrastructureMode.Containers : InfrastructureMode.Embedded,
        "embedded" => InfrastructureMode.Embedded,
        "containers" => InfrastructureMode.Containers,
        "external" => InfrastructureMode.External,
        _ => throw new InvalidOperationException($"Infrastructure must be auto, embedded, containers or external, not '{setting}'."),
    };
}
