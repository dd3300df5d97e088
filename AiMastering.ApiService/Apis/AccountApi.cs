using AiMastering.Accounts;
using AiMastering.ApiService.Contracts;
using AiMastering.ApiService.Identity;
using AiMastering.ApiService.Infrastructure;
using AiMastering.Jobs.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AiMastering.ApiService.Apis;

/// <summary><c>/account</c>: sign up, sign in, sign out, who am I, personal API tokens (accounts mode).</summary>
public static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this IEndpointRouteBuilder app, AuthOptions auth)
    {
        var group = app.MapGroup("/account").WithTags("Account");
        group.MapGet("/me", Me).WithSummary("How this service knows callers, and who this caller is.");
        if (auth.Mode == AuthMode.None)
        {
            return group;
        }

        group.MapPost("/signup", SignUpAsync).WithSummary("Create an account with email and password, and sign in.");
        group.MapPost("/signin", SignInAsync).WithSummary("Sign in with email and password (session cookie).");
        group.MapPost("/signout", SignOutAsync).WithSummary("End this browser's session.");
        var tokens = group.MapGroup("/tokens").RequireAuthorization(CallerSchemes.SignedInPolicy);
        tokens.MapPost("/", CreateTokenAsync).WithSummary("Issue a personal API token (shown once) for Authorization: Bearer.");
        tokens.MapGet("/", ListTokensAsync).WithSummary("Your API tokens (without their secrets).");
        tokens.MapDelete("/{tokenId}", RevokeTokenAsync).WithSummary("Revoke one of your API tokens.");
        if (auth.Oidc.Enabled)
        {
            group.MapOidcSignIn();
        }

        return group;
    }

    public static Ok<AccountResponse> Me(HttpContext context, IOptions<AuthOptions> auth)
    {
        var options = auth.Value;
        if (options.Mode == AuthMode.Accounts)
        {
            AntiforgeryTokens.Issue(context);
        }

        return TypedResults.Ok(Describe(context, options));
    }

    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> SignUpAsync(
        SignInRequest request, HttpContext context, UserAccounts accounts, SignInManager<IdentityUser> signIn,
        IOptions<AuthOptions> auth, CancellationToken cancellationToken)
    {
        if (!auth.Value.AllowSignUp)
        {
            return Problems.Of(ErrorCode.SignUpClosed, "Sign-up is turned off here. Ask the person who runs this service for an account.", StatusCodes.Status403Forbidden);
        }

        if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@', StringComparison.Ordinal) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.Of(ErrorCode.AccountInvalid, "Enter your email address and a password of at least 10 characters.");
        }

        var created = await accounts.CreateAsync(request.Email, request.Password, admin: false, cancellationToken);
        if (!created.Succeeded)
        {
            return Problems.Of(ErrorCode.AccountInvalid, string.Join(" ", created.Errors));
        }

        var user = (await accounts.FindAsync(request.Email))!;
        await signIn.SignInAsync(user, isPersistent: true);
        return TypedResults.Ok(await SignedInAsync(context, signIn, user, auth.Value));
    }

    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext context, SignInManager<IdentityUser> signIn, IOptions<AuthOptions> auth)
    {
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await signIn.UserManager.FindByEmailAsync(request.Email.Trim());
        if (user is null || string.IsNullOrEmpty(request.Password))
        {
            return WrongPassword();
        }

        var result = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: true, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Problems.Of(ErrorCode.SignInFailed, "Too many wrong passwords for this account; try again in a few minutes.", StatusCodes.Status401Unauthorized);
        }

        return result.Succeeded ? TypedResults.Ok(await SignedInAsync(context, signIn, user, auth.Value)) : WrongPassword();
    }

    public static async Task<NoContent> SignOutAsync(HttpContext context, SignInManager<IdentityUser> signIn)
    {
        await signIn.SignOutAsync();
        context.User = new System.Security.Claims.ClaimsPrincipal();
        AntiforgeryTokens.Issue(context);
        return TypedResults.NoContent();
    }

    public static async Task<Created<TokenResponse>> CreateTokenAsync(
        TokenRequest request, Caller caller, ApiTokens tokens, HttpContext context, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(request.Name) ? "API token" : request.Name.Trim()[..Math.Min(request.Name.Trim().Length, 100)];
        var issued = await tokens.IssueAsync(caller.UserId, name, cancellationToken);
        return TypedResults.Created($"{context.Request.PathBase}/account/tokens/{issued.Id}",
            new TokenResponse(issued.Id, issued.Name, issued.CreatedAt, issued.Token));
    }

    public static async Task<Ok<TokenListResponse>> ListTokensAsync(Caller caller, ApiTokens tokens, CancellationToken cancellationToken)
    {
        var list = await tokens.ListAsync(caller.UserId, cancellationToken);
        return TypedResults.Ok(new TokenListResponse(list.Select(t => new TokenResponse(t.Id, t.Name, t.CreatedAt, null)).ToList()));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(
        string tokenId, Caller caller, ApiTokens tokens, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(caller.UserId, tokenId, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.Of(ErrorCode.TokenNotFound, "You have no token with this id.", StatusCodes.Status404NotFound);

    private static async Task<AccountResponse> SignedInAsync(HttpContext context, SignInManager<IdentityUser> signIn, IdentityUser user, AuthOptions auth)
    {
        // The antiforgery token is bound to the signed-in user: issue a fresh one for the new session.
        context.User = await signIn.CreateUserPrincipalAsync(user);
        AntiforgeryTokens.Issue(context);
        return Describe(context, auth);
    }

    private static AccountResponse Describe(HttpContext context, AuthOptions auth)
    {
        var caller = Caller.From(context.User);
        return new AccountResponse(
            auth.Mode == AuthMode.Accounts ? "accounts" : "none",
            caller is not null,
            caller?.UserId,
            context.User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? context.User.Identity?.Name,
            caller?.IsAdmin ?? false,
            auth.Mode == AuthMode.Accounts && auth.AllowSignUp,
            auth.Mode == AuthMode.Accounts && auth.Oidc.Enabled ? auth.Oidc.DisplayName : null);
    }

    private static ProblemHttpResult WrongPassword() =>
        Problems.Of(ErrorCode.SignInFailed, "The email address or the password is not right.", StatusCodes.Status401Unauthorized);
}
