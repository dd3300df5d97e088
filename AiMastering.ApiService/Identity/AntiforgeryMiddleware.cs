using AiMastering.ApiService.Infrastructure;
using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Model;
using Microsoft.AspNetCore.Antiforgery;

namespace AiMastering.ApiService.Identity;

/// <summary>
/// Accounts mode: every state-changing call that could ride on the browser's cookie must carry the
/// antiforgery token. Exempt: bearer-token calls (nothing ambient to forge) and the embedded store's
/// signed upload URL (its signature is the permission).
/// </summary>
public sealed class AntiforgeryMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (NeedsCheck(context.Request) && !await antiforgery.IsRequestValidAsync(context))
        {
            var problem = Problems.Of(ErrorCode.AntiforgeryFailed,
                "This page is out of date or the request did not come from it. Reload the page and try again.",
                StatusCodes.Status400BadRequest);
            await problem.ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool NeedsCheck(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        && !ApiTokenAuthenticationHandler.IsBearer(request)
        && !request.Path.StartsWithSegments(FileSystemBlobStore.UploadPath, StringComparison.Ordinal)
        && !request.Path.StartsWithSegments(IdentityRegistration.OidcCallbackPath, StringComparison.Ordinal);
}
