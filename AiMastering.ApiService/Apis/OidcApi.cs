using System.Security.Claims;
using AiMastering.Accounts;
using AiMastering.ApiService.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace AiMastering.ApiService.Apis;

/// <summary>
/// <c>/account/oidc</c>: single sign-on. <c>signin</c> sends the browser to the provider; the provider
/// returns to <c>/signin-oidc</c> (the handler), which lands on <c>complete</c>: the provider's account is
/// linked to a local one (found by its login, or by a verified email, or created), then the session starts.
/// </summary>
public static class OidcApi
{
    public static void MapOidcSignIn(this RouteGroupBuilder account)
    {
        // Identity's own properties (they name the provider), so the landing endpoint can read the external login.
        account.MapGet("/oidc/signin", (HttpContext context, SignInManager<IdentityUser> signIn) => Results.Challenge(
            signIn.ConfigureExternalAuthenticationProperties(CallerSchemes.Oidc, $"{context.Request.PathBase}/account/oidc/complete"),
            [CallerSchemes.Oidc]))
            .WithSummary("Sign in through the configured OpenID Connect provider (browser redirect).");
        account.MapGet("/oidc/complete", CompleteAsync).WithSummary("Where the provider's sign-in lands: links the account and starts the session.");
    }

    public static async Task<IResult> CompleteAsync(SignInManager<IdentityUser> signIn, UserAccounts accounts, HttpContext context, CancellationToken cancellationToken)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return Results.Redirect("/signin?error=sso");
        }

        var linked = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: true, bypassTwoFactor: true);
        if (!linked.Succeeded)
        {
            var user = await LinkAsync(info, signIn.UserManager, accounts, cancellationToken);
            if (user is null)
            {
                return Results.Redirect("/signin?error=sso");
            }

            await signIn.SignInAsync(user, isPersistent: true, info.LoginProvider);
        }

        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        return Results.Redirect("/");
    }

    private static async Task<IdentityUser?> LinkAsync(
        ExternalLoginInfo info, UserManager<IdentityUser> users, UserAccounts accounts, CancellationToken cancellationToken)
    {
        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var created = await accounts.CreateAsync(email, password: null, admin: false, cancellationToken);
            if (!created.Succeeded)
            {
                return null;
            }

            user = await users.FindByIdAsync(created.UserId!);
        }
        else if (info.Principal.FindFirstValue("email_verified") != "true")
        {
            // Linking to an existing account on an unverified address would let anyone claim it.
            return null;
        }

        return user is not null && (await users.AddLoginAsync(user, info)).Succeeded ? user : null;
    }
}
