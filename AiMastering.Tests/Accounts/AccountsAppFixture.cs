using AiMastering.Cli;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiMastering.Tests.Accounts;

/// <summary>
/// The whole application from the real AppHost with <c>Auth=accounts</c> (embedded backends, its own data
/// folder), an admin account made beforehand with <c>aimaster users add --admin</c> on that folder, and
/// single sign-on through a real OpenID Connect provider started first (<see cref="OidcTestServer"/>).
/// </summary>
public sealed class AccountsAppFixture : IAsyncLifetime
{
    private DistributedApplication? _app;
    private OidcTestServer? _oidc;

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("aim-accounts").FullName;

    public Uri WebAddress { get; private set; } = null!;

    /// <summary>The OpenID Connect provider the API is configured with.</summary>
    public string OidcIssuer => _oidc!.Issuer;

    /// <summary>The storage quota here (100 MB, so a test can reach it); the other limits keep their defaults.</summary>
    public const long MaxStoredBytesPerUser = 100_000_000;

    public string AdminEmail { get; } = "admin@example.test";

    /// <summary>The admin's API token, as printed by <c>aimaster users add</c>.</summary>
    public string AdminToken { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(["users", "add", AdminEmail, "--admin", "--password-stdin", "--data", DataFolder], output, error,
            new StringReader(Support.AccountSession.Password + "\n"));
        if (exit != 0)
        {
            throw new InvalidOperationException($"aimaster users add failed ({exit}): {error}");
        }

        AdminToken = output.ToString().Trim();

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _oidc = await OidcTestServer.StartAsync(timeout.Token);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiMastering_AppHost>(
            ["Infrastructure=embedded", "Auth=accounts", $"DataFolder={DataFolder}", "WebPort=0",
             "Services:Jobs:RetryDelays:0=00:00:01", "Services:Limits:SubmitsPerMinutePerIp=10000",
             $"Services:Limits:MaxStoredBytesPerUser={MaxStoredBytesPerUser}",
             $"Auth:Oidc:Authority={_oidc.Issuer}", $"Auth:Oidc:ClientId={OidcTestServer.ClientId}",
             $"Auth:Oidc:ClientSecret={OidcTestServer.ClientSecret}", "Auth:Oidc:DisplayName=Test SSO"],
            timeout.Token);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in new[] { "api", "worker", "web" })
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        WebAddress = _app.GetEndpoint("web", "http");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_oidc is not null)
        {
            await _oidc.DisposeAsync();
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
public sealed class AccountsAppCollection : ICollectionFixture<AccountsAppFixture>
{
    public const string Name = "AccountsApp";
}
