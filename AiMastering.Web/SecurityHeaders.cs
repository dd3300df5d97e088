namespace AiMastering.Web;

/// <summary>
/// Headers on every answer of the front door: a Content-Security-Policy that lets the Angular app run
/// (its own scripts only; component styles are inline), no framing, no MIME sniffing, no referrer to
/// other sites. <c>FrontDoor:StorageOrigins</c> (space-separated) adds an object store the browser
/// uploads to and plays from directly (S3/MinIO), as the AppHost does in containers mode.
/// </summary>
public static class SecurityHeaders
{
    public const string StorageOriginsSetting = "FrontDoor:StorageOrigins";

    public static string Policy(string? storageOrigins)
    {
        var storage = string.IsNullOrWhiteSpace(storageOrigins) ? "" : " " + storageOrigins.Trim();
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
            $"media-src 'self' blob:{storage}; connect-src 'self'{storage}; font-src 'self'; object-src 'none'; " +
            "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var policy = Policy(configuration[StorageOriginsSetting]);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // The API's answers are JSON (and its own reference page, /api/docs, brings its inline scripts):
                // they are never framed either, but the app's policy is for the app's pages.
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                    ? "frame-ancestors 'none'"
                    : policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers.Remove("Server");
                headers.Remove("X-Powered-By");
                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
