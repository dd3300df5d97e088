using System.Net;
using Microsoft.Extensions.Configuration;

namespace AiMastering.AppHost.Infrastructure;

/// <summary>
/// The AppHost's <c>Auth</c> setting (env <c>AUTH</c>): <c>none</c> (laptop mode, no sign-in) or <c>accounts</c>.
/// The default follows where the front door listens: <c>none</c> on loopback, <c>accounts</c> anywhere else
/// (and when published); <c>none</c> off loopback is refused.
/// </summary>
public static class FrontDoorAuth
{
    public const string None = "none";
    public const string Accounts = "accounts";

    public static string Resolve(string? auth, string webHost, bool published)
    {
        var loopback = !published && IsLoopback(webHost);
        var mode = auth?.Trim().ToLowerInvariant() switch
        {
            null or "" => loopback ? None : Accounts,
            None => None,
            Accounts => Accounts,
            var other => throw new InvalidOperationException($"Auth must be \"none\" or \"accounts\", not \"{other}\"."),
        };
        if (mode == None && !loopback)
        {
            var where = published ? "a published deployment" : $"the front door listening on {webHost}";
            throw new InvalidOperationException(
                $"Auth=none cannot be used with {where}: without accounts anyone who reaches it can read and delete every job. " +
                "Use Auth=accounts (AUTH=accounts make run), or keep WebHost on 127.0.0.1.");
        }

        return mode;
    }

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The API's <c>Auth__*</c> environment: the mode and every <c>Auth:*</c> setting under it (sign-up, OpenID Connect).</summary>
    public static IResourceBuilder<ProjectResource> WithAuth(this IResourceBuilder<ProjectResource> api, string mode, IConfiguration configuration)
    {
        api.WithEnvironment("Auth__Mode", mode);
        foreach (var setting in configuration.GetSection("Auth").AsEnumerable(makePathsRelative: true))
        {
            if (setting.Value is not null && setting.Key.Length > 0)
            {
                api.WithEnvironment("Auth__" + setting.Key.Replace(":", "__", StringComparison.Ordinal), setting.Value);
            }
        }

        return api;
    }
}
