using AiMastering.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

// Uploads in embedded mode stream through here to the API, which enforces each signed size itself.
builder.WebHost.ConfigureKestrel(o =>
{
    o.Limits.MaxRequestBodySize = null;
    o.AddServerHeader = false;
});
builder.Services.AddReverseProxy()
    .LoadFromMemory(ApiProxy.Routes, ApiProxy.Clusters(builder.Configuration))
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();
app.UseSecurityHeaders(app.Configuration);
app.MapDefaultEndpoints();
app.UseDefaultFiles();
app.UseStaticFiles(StaticFileCaching.Options);
app.MapReverseProxy();
app.MapFallbackToFile("index.html", StaticFileCaching.Options);
app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
