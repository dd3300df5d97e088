using AiMastering.ApiService.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace AiMastering.ApiService.Apis;

/// <summary><c>GET /catalog</c>: the product's vocabulary (presets, ranges, styles, limits, codes), cacheable.</summary>
public static class CatalogApi
{
    /// <summary>Clients may keep the catalog this long without asking; after that a conditional request costs a 304.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    public static RouteHandlerBuilder MapCatalogApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/catalog", Get)
            .WithTags("Catalog")
            .WithSummary("Loudness presets, custom ranges, styles, intensities, bit depths, upload limits, error codes and artifact names.");

    public static Results<Ok<CatalogResponse>, StatusCodeHttpResult> Get(CatalogDocument catalog, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = catalog.ETag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = MaxAge };
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(catalog.ETag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Ok(catalog.Response);
    }
}
