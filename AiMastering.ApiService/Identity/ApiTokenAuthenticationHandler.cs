using System.Security.Claims;
using System.Text.Encodings.Web;
using AiMastering.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AiMastering.ApiService.Identity;

/// <summary><c>Authorization: Bearer aim_…</c>: a personal API token, looked up by its hash.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var owner = await tokens.AuthenticateAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        if (owner is null)
        {
            return AuthenticateResult.Fail("The API token is not valid (revoked, mistyped or its account is gone).");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, owner.UserId),
            new(ClaimTypes.Email, owner.Email),
            new(ClaimTypes.Role, Roles.User),
        };
        if (owner.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, Roles.Admin));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CallerSchemes.ApiToken));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, CallerSchemes.ApiToken));
    }

    /// <summary>A bearer request is never redirected and never uses the cookie: a plain 401.</summary>
    public static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);
}
