using AiMastering.Jobs.Hosting;
using AiMastering.ServiceDefaults.Telemetry;

namespace AiMastering.UnitTests.Architecture;

public sealed class TelemetrySourceTests
{
    [Fact]
    public void Service_defaults_export_exactly_the_job_assemblies_sources_and_the_hosts_meters()
    {
        Microsoft.Extensions.Hosting.Extensions.OwnTelemetrySources.ShouldBe([.. JobTelemetrySources.All, MetricNames.WorkerMeter, MetricNames.ApiMeter], ignoreOrder: true);
        JobTelemetrySources.All.Distinct().Count().ShouldBe(4, "one source per assembly");
    }
}
