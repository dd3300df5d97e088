using AiMastering.ServiceDefaults.RequestIds;
using AiMastering.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Shared service defaults: OpenTelemetry (traces, metrics, logs over OTLP; metrics also at <c>/metrics</c> for Prometheus), health checks,
/// service discovery and standard HTTP resilience. Web services call <see cref="AddServiceDefaults{TBuilder}"/>;
/// background workers may call <see cref="AddBasicServiceDefaults{TBuilder}"/> (no outgoing-HTTP resilience).
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    public const string MetricsEndpointPath = "/metrics";

    /// <summary>
    /// Activity sources and meters of our own that every service exports: one per assembly of the job
    /// pipeline (the constants <c>JobTelemetry.Name</c>, <c>RabbitMqTelemetry.Name</c>, <c>S3Telemetry.Name</c>,
    /// <c>MongoCommandTracing.SourceName</c>, gathered in <c>JobTelemetrySources.All</c>). Written out
    /// here because the front door uses these defaults too and must not depend on the job pipeline; a
    /// test keeps this list equal to those constants. The hosts' own meters are named in <c>MetricNames</c>.
    /// </summary>
    public static readonly string[] OwnTelemetrySources = ["AiMastering.Jobs", "AiMastering.Jobs.RabbitMq", "AiMastering.Jobs.S3", "AiMastering.Jobs.Mongo", MetricNames.WorkerMeter, MetricNames.ApiMeter];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddBasicServiceDefaults();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder AddBasicServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OwnTelemetrySources)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(OwnTelemetrySources)
                .AddAspNetCoreInstrumentation(o =>
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !ctx.Request.Path.StartsWithSegments(AlivenessEndpointPath)
                        && !ctx.Request.Path.StartsWithSegments(MetricsEndpointPath))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (all checks must pass), <c>/alive</c> (liveness only) and <c>/metrics</c> (Prometheus text format),
    /// after the request-id middleware (<see cref="RequestIdMiddleware"/>), so every response carries <c>X-Request-Id</c>.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.MapPrometheusScrapingEndpoint(MetricsEndpointPath);
        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        return app;
    }
}
