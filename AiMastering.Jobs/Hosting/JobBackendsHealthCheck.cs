using AiMastering.Jobs.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AiMastering.Jobs.Hosting;

/// <summary>Healthy when the job store answers a query.</summary>
internal sealed class JobBackendsHealthCheck(IJobStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ListRecentAsync(null, 1, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The job store does not answer.", ex);
        }
    }
}
