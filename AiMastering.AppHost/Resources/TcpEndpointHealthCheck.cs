using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiMastering.AppHost.Resources;

/// <summary>Healthy once the endpoint accepts TCP connections (MongoDB listens only when ready).</summary>
public sealed class TcpEndpointHealthCheck(EndpointReference endpoint) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is SocketException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"{endpoint.Resource.Name} does not accept connections yet.", ex);
        }
    }
}
