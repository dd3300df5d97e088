using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AiMastering.ApiService.Identity;

/// <summary>
/// Single sign-on through any OpenID Connect provider (authorization code + PKCE). The provider's
/// answer lands in Identity's external cookie; <c>/account/oidc/complete</c> links it to a local account.
/// </summary>
public static class OidcSignIn
{
    public static AuthenticationBuilder AddOidcSignIn(this AuthenticationBuilder authentication, OidcOptions oidc) =>
        authentication.AddOpenIdConnect(CallerSchemes.Oidc, oidc.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The provider answers with a top-level GET redirect (the code is useless without the PKCE verifier):
            // the correlation and nonce cookies then travel as SameSite=Lax, which also works on a plain-HTTP
            // laptop install, where form_post would need SameSite=None cookies that browsers send only over HTTPS.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CallbackPath = IdentityRegistration.OidcCallbackPath;
            o.RequireHttpsMetadata = oidc.Authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("email");
            o.Scope.Add("profile");
            // The id_token carries sub and email for every provider we target (Keycloak, Entra ID, Google).
            o.GetClaimsFromUserInfoEndpoint = false;
            o.MapInboundClaims = true;
            o.SaveTokens = false;
        });
}
