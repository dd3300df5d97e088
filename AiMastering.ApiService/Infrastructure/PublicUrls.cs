namespace AiMastering.ApiService.Infrastructure;

/// <summary>
/// Turns the embedded store's root-relative URLs into absolute ones as the caller sees this service
/// (behind the web front door: its host and the <c>/api</c> prefix, from X-Forwarded-* headers).
/// </summary>
public static class PublicUrls
{
    public static string Absolute(HttpRequest request, Uri url) =>
        url.IsAbsoluteUri ? url.AbsoluteUri : $"{request.Scheme}://{request.Host}{request.PathBase}{url.OriginalString}";
}
