using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using AiMastering.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AiMastering.ApiService.Identity;

/// <summary>
/// Laptop mode (<c>Auth</c> = <c>none</c>, loopback only): the caller is the random id the web app keeps
/// in the browser (<c>X-User-Id</c>), or "anonymous". It scopes lists and uploads; the person at the
/// laptop is also its operator. Not authentication — the AppHost refuses this mode off loopback.
/// </summary>
public sealed partial class LaptopAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Header = "X-User-Id";
    public const string Anonymous = "anonymous";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var value = Request.Headers[Header].ToString();
        var userId = ValidId().IsMatch(value) ? value.ToLowerInvariant() : Anonymous;
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Role, Roles.User), new Claim(ClaimTypes.Role, Roles.Admin)],
            CallerSchemes.Laptop);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), CallerSchemes.Laptop)));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ValidId();
}
