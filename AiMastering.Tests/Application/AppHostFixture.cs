using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiMastering.Tests.Application;

/// <summary>
/// The whole application — API, worker and web front door from the real AppHost — in embedded mode
/// with its own data folder, started once for the tests that share it.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("aim-apphost").FullName;

    public HttpClient Web { get; private set; } = null!;

    /// <summary>A service's own HTTP endpoint (e.g. <c>/metrics</c> of the API or the worker).</summary>
    public Uri EndpointOf(string resource) => _app!.GetEndpoint(resource, "http");

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiMastering_AppHost>(
            [
                "Infrastructure=embedded", $"DataFolder={DataFolder}", "WebPort=0", "Services:Jobs:RetryDelays:0=00:00:01",
                // JSON console logs with scopes (the request id in every line of a job). Spelled as Aspire spells the
                // formatter variable it sets itself (simple), so this value replaces it.
                "Services:LOGGING:CONSOLE:FORMATTERNAME=json", "Services:LOGGING:CONSOLE:FORMATTEROPTIONS:INCLUDESCOPES=true",
            ],
            timeout.Token);

        // Keep test output readable: resource logs only from warnings up; start-up health probes
        // fail by design until each service listens.
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("worker", timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
        Web = _app.CreateHttpClient("web");
        Web.Timeout = TimeSpan.FromMinutes(2);
    }

    public async ValueTask DisposeAsync()
    {
        Web?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "AppHost";
}
