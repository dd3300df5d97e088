using Microsoft.AspNetCore.Antiforgery;

namespace AiMastering.ApiService.Identity;

/// <summary>
/// The request half of the antiforgery pair goes to the browser in a cookie script can read
/// (<c>XSRF-TOKEN</c>); Angular's HttpClient sends it back as <c>X-XSRF-TOKEN</c> on state-changing calls.
/// </summary>
public static class AntiforgeryTokens
{
    public const string CookieName = "XSRF-TOKEN";
    public const string HeaderName = "X-XSRF-TOKEN";

    /// <summary>Issues a token for <paramref name="context"/>'s current user (set it first after a sign-in or sign-out).</summary>
    public static void Issue(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Cookies.Append(CookieName, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
        });
    }
}
