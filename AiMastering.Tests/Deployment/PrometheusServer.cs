using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AiMastering.Tests.Infrastructure;
using AiMastering.UnitTests.Infrastructure;

namespace AiMastering.Tests.Deployment;

/// <summary>A real Prometheus (Debian's <c>prometheus</c>) on 127.0.0.1 with its own data folder, scraping the given targets every second.</summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private PrometheusServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public HttpClient Http { get; }

    /// <summary>Starts Prometheus with one scrape job per entry (job name → host:port) and the given rule files.</summary>
    public static async Task<PrometheusServer> StartAsync(IReadOnlyDictionary<string, string> jobs, IEnumerable<string> ruleFiles)
    {
        var folder = Directory.CreateTempSubdirectory("aim-prometheus").FullName;
        var config = "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files:\n"
            + string.Concat(ruleFiles.Select(f => $"  - {f}\n"))
            + "scrape_configs:\n"
            + string.Concat(jobs.Select(j => $"  - job_name: {j.Key}\n    metrics_path: /metrics\n    static_configs:\n      - targets: [\"{j.Value}\"]\n"));
        var configPath = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(configPath, config);
        var port = ServiceProcess.FreePort();
        var start = new ProcessStartInfo("prometheus",
            [$"--config.file={configPath}", $"--storage.tsdb.path={Path.Combine(folder, "data")}", $"--web.listen-address=127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, folder, port);
        await Eventually.TrueAsync(server.ReadyAsync, TimeSpan.FromSeconds(30));
        return server;
    }

    /// <summary>An instant query: Prometheus's status and the series it returned.</summary>
    public async Task<(string Status, JsonArray Series, string? Error)> QueryAsync(string promQl)
    {
        using var response = await Http.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(promQl), TestContext.Current.CancellationToken);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        return (body["status"]!.GetValue<string>(), body["data"]?["result"]?.AsArray() ?? [], body["error"]?.GetValue<string>());
    }

    public async Task<JsonObject> GetAsync(string path) =>
        (await Http.GetFromJsonAsync<JsonObject>(path, TestContext.Current.CancellationToken))!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<bool> ReadyAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"prometheus exited with {_process.ExitCode}");
        }

        try
        {
            using var response = await Http.GetAsync("/-/ready", TestContext.Current.CancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
