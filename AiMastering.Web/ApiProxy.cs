using Yarp.ReverseProxy.Configuration;

namespace AiMastering.Web;

/// <summary>
/// <c>/api/*</c> → the API service with the prefix removed. The API learns the public host,
/// scheme and <c>/api</c> prefix from X-Forwarded-* headers, so the URLs it signs work from the browser.
/// </summary>
public static class ApiProxy
{
    public const string ClusterId = "api";

    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        new RouteConfig
        {
            RouteId = "api",
            ClusterId = ClusterId,
            Match = new RouteMatch { Path = "/api/{**rest}" },
            Transforms =
            [
                new Dictionary<string, string> { ["PathRemovePrefix"] = "/api" },
                new Dictionary<string, string> { ["X-Forwarded"] = "Set", ["Prefix"] = "Off" },
                new Dictionary<string, string> { ["RequestHeader"] = "X-Forwarded-Prefix", ["Set"] = "/api" },
            ],
        },
    ];

    /// <summary>The API's address: <c>Api:Url</c> when set, else Aspire service discovery (<c>http://api</c>).</summary>
    public static IReadOnlyList<ClusterConfig> Clusters(IConfiguration configuration) =>
    [
        new ClusterConfig
        {
            ClusterId = ClusterId,
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromMinutes(10) },
            Destinations = new Dictionary<string, DestinationConfig>
            {
                ["api"] = new() { Address = configuration["Api:Url"] ?? "http://api" },
            },
        },
    ];
}
