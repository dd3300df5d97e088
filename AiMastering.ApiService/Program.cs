using AiMastering.ApiService.Apis;
using AiMastering.ApiService.Contracts;
using AiMastering.ApiService.Identity;
using AiMastering.ApiService.Lifecycle;
using AiMastering.ApiService.Limits;
using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddJobBackends();
builder.AddCallerIdentity();
builder.Services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSubmitRateLimiting();
builder.Services.AddSingleton<JobFiles>();
builder.Services.AddSingleton<RetentionSweeper>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionSweeper>());
// Every problem+json names the request it answers (the id also in the X-Request-Id header and the logs).
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["requestId"] = c.HttpContext.TraceIdentifier);
builder.Services.AddOpenApi();
builder.Services.AddSingleton<CatalogDocument>();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    // The web front door (YARP) forwards host, scheme and its /api prefix; trust loopback proxies only.
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
        | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
});
builder.WebHost.ConfigureKestrel(o =>
{
    o.AddServerHeader = false;
    // JSON requests are small; the embedded upload endpoint lifts this to its signed size.
    o.Limits.MaxRequestBodySize = 64 * 1024;
});

var app = builder.Build();
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCallerIdentity();
app.UseRateLimiter();

app.MapOpenApi();
app.MapScalarApiReference("/docs");
app.MapGet("/", () => Results.Redirect("docs")).ExcludeFromDescription();
app.MapDefaultEndpoints();
app.MapCatalogApi();
app.MapAccountApi(app.Services.GetRequiredService<IOptions<AuthOptions>>().Value);
app.MapUploadsApi();
app.MapJobsApi();
app.MapAdminApi();
if (app.Services.GetService<FileSystemBlobStore>() is not null)
{
    app.MapEmbeddedBlobsApi();
}

app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
