using AiMastering.Jobs.Hosting;

namespace AiMastering.UnitTests.Architecture;

public sealed class TelemetrySourceTests
{
    [Fact]
    public void Service_defaults_export_exactly_the_sources_the_job_assemblies_emit()
    {
        Microsoft.Extensions.Hosting.Extensions.OwnTelemetrySources.ShouldBe(JobTelemetrySources.All, ignoreOrder: true);
        JobTelemetrySources.All.Distinct().Count().ShouldBe(4, "one source per assembly");
    }
}
