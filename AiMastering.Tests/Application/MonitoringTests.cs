using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AiMastering.Jobs.Model;
using AiMastering.Testing;
using AiMastering.Tests.Deployment;
using AiMastering.Tests.Support;
using AiMastering.UnitTests.Infrastructure;

namespace AiMastering.Tests.Application;

/// <summary>
/// A real Prometheus scrapes the app's <c>/metrics</c> while a job runs; every panel of the shipped Grafana dashboard and
/// every shipped alert rule then evaluates through Prometheus, and every panel returns series (the queue gauges included).
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed partial class MonitoringTests(AppHostFixture app)
{
    private static readonly string Deploy = Path.Combine(RepositoryPaths.Root(), "deploy");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_dashboard_panel_and_alert_evaluates_against_the_scraped_app_and_every_panel_returns_series()
    {
        var jobs = new Dictionary<string, string>
        {
            ["aimastering-api"] = app.EndpointOf("api").Authority,
            ["aimastering-worker"] = app.EndpointOf("worker").Authority,
            ["aimastering-web"] = app.EndpointOf("web").Authority,
        };
        var shipped = await File.ReadAllTextAsync(Path.Combine(Deploy, "prometheus", "prometheus.yml"), Ct);
        jobs.Keys.ShouldAllBe(job => shipped.Contains($"job_name: {job}"));
        await using var prometheus = await PrometheusServer.StartAsync(jobs, [Path.Combine(Deploy, "prometheus", "alerts.yml")]);

        // One job that masters, one that fails and one request refused, so the outcome and failure panels have every kind of series.
        var client = new MasteringClient(app.Web);
        var mastered = await client.SubmitAsync("Scraped.wav", TestWav.Pcm16(44100, TestWav.MixLike(44100, 4, 2, 0.1)), Ct);
        var failed = await client.SubmitAsync("Not audio.wav", "This is a text file, not a recording."u8.ToArray(), Ct);
        using (var refused = await client.CreateJobRawAsync(new { objectKey = $"uploads/{client.UserId}/0123/missing.wav" }, Ct))
        {
            refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        }

        (await client.WaitAsync(mastered, TimeSpan.FromMinutes(2), Ct))["status"]!.GetValue<string>().ShouldBe("done");
        (await client.WaitAsync(failed, TimeSpan.FromMinutes(2), Ct))["status"]!.GetValue<string>().ShouldBe("failed");
        await Eventually.TrueAsync(async () => (await prometheus.QueryAsync("count_over_time(aimastering_worker_jobs_processed_total[1m]) >= 3")).Series.Count > 0, TimeSpan.FromSeconds(60));
        (await prometheus.QueryAsync("up")).Series.Select(s => s!["value"]![1]!.GetValue<string>()).ShouldAllBe(v => v == "1");

        // The queue gauges are sampled from the store every few seconds: wait until the worker has reported them once.
        await Eventually.TrueAsync(async () => (await prometheus.QueryAsync("aimastering_queue_depth")).Series.Count > 0, TimeSpan.FromSeconds(60));
        var names = (await prometheus.GetAsync("/api/v1/label/__name__/values"))["data"]!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet();
        foreach (var (title, expr) in PanelQueries())
        {
            MetricsIn(expr).Where(m => m != "up").ShouldAllBe(m => names.Contains(m), $"{title}: {expr} queries a metric the app does not emit");
            var (status, series, error) = await prometheus.QueryAsync(expr);
            status.ShouldBe("success", $"{title}: {expr}: {error}");
            series.ShouldNotBeEmpty($"{title}: {expr}");
        }

        // Stage latency is per stage, tagged with the job's stage codes (what the job page shows), the engine's among them.
        var stages = (await prometheus.QueryAsync("sum by (stage) (aimastering_worker_stage_duration_seconds_count)")).Series
            .Select(s => s!["metric"]!["stage"]!.GetValue<string>()).ToList();
        stages.ShouldBeSubsetOf(JobStages.Order);
        new[] { JobStages.Decoding, JobStages.Analyzing, JobStages.Rendering, JobStages.Limiting, JobStages.Verifying, JobStages.Saving }.ShouldBeSubsetOf(stages);

        foreach (var expr in AlertExpressions())
        {
            var (status, _, error) = await prometheus.QueryAsync(expr);
            status.ShouldBe("success", $"{expr}: {error}");
        }

        await Eventually.TrueAsync(async () => RuleHealth(await prometheus.GetAsync("/api/v1/rules")).All(h => h == "ok"), TimeSpan.FromSeconds(30));
    }

    private static IEnumerable<(string Title, string Expr)> PanelQueries()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(Deploy, "grafana", "dashboards", "aimastering.json")))!;
        var panels = dashboard["panels"]!.AsArray();
        panels.Count.ShouldBeGreaterThanOrEqualTo(6);
        return panels.SelectMany(p => p!["targets"]!.AsArray().Select(t => (p["title"]!.GetValue<string>(), t!["expr"]!.GetValue<string>())));
    }

    private static List<string> AlertExpressions()
    {
        var expressions = AlertExpr().Matches(File.ReadAllText(Path.Combine(Deploy, "prometheus", "alerts.yml"))).Select(m => m.Groups[1].Value.Trim()).ToList();
        expressions.Count.ShouldBe(4);
        return expressions;
    }

    private static IEnumerable<string> RuleHealth(JsonObject rules) =>
        rules["data"]!["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray()).Select(r => r!["health"]!.GetValue<string>());

    private static IEnumerable<string> MetricsIn(string expr) =>
        MetricName().Matches(expr).Select(m => m.Value).Distinct();

    [GeneratedRegex(@"^\s*expr:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex AlertExpr();

    [GeneratedRegex(@"\b(aimastering_[a-z_]+|up)\b(?=\s*[{\[)])")]
    private static partial Regex MetricName();
}
