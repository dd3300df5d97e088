extern alias api;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using AiMastering.Jobs.Blobs.S3;
using AiMastering.Jobs.Processing;
using AiMastering.Jobs.Queue.RabbitMq;
using AiMastering.Jobs.Store.Mongo;
using AiMastering.Worker.Telemetry;
using api::AiMastering.ApiService.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace AiMastering.Tests.Infrastructure;

/// <summary>The service defaults export only sources and meters the code really creates (a wrong name exports nothing, silently).</summary>
public sealed class TelemetrySourcesTests
{
    [Fact]
    public void Every_exported_source_name_is_a_meter_or_activity_source_of_ours()
    {
        var meters = new HashSet<string>();
        var sources = new HashSet<string>();
        using var meterListener = new MeterListener { InstrumentPublished = (instrument, _) => { lock (meters) { meters.Add(instrument.Meter.Name); } } };
        using var activityListener = new ActivityListener { ShouldListenTo = source => { lock (sources) { sources.Add(source.Name); } return false; } };
        ActivitySource.AddActivityListener(activityListener);
        foreach (var type in new[] { typeof(JobTelemetry), typeof(RabbitMqTelemetry), typeof(S3Telemetry), typeof(MongoCommandTracing), typeof(ApiMetrics), typeof(WorkerMetrics) })
        {
            RuntimeHelpers.RunClassConstructor(type.TypeHandle);
        }

        meterListener.Start();

        foreach (var name in Extensions.OwnTelemetrySources)
        {
            (meters.Contains(name) || sources.Contains(name)).ShouldBeTrue($"nothing emits {name}");
        }
    }
}
