using AiMastering.Testing;

namespace AiMastering.Tests.Deployment;

/// <summary>The shipped Prometheus configuration and alert rules, checked by Prometheus's own <c>promtool</c>.</summary>
public sealed class PrometheusFilesTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root(), "deploy", "prometheus");

    [Fact]
    public async Task Shipped_prometheus_configuration_is_valid()
    {
        var (exitCode, output, errors) = await Tool.RunAsync("promtool", ["check", "config", "prometheus.yml"], Folder);
        exitCode.ShouldBe(0, output + errors);
    }

    [Fact]
    public async Task Shipped_alert_rules_are_valid()
    {
        var (exitCode, output, errors) = await Tool.RunAsync("promtool", ["check", "rules", "alerts.yml"], Folder);
        exitCode.ShouldBe(0, output + errors);
        output.ShouldContain("4 rules found");
    }
}
