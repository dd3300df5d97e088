namespace AiMastering.ApiService.Identity;

/// <summary>Configuration section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary><c>None</c> (default, laptop mode) or <c>Accounts</c>. The AppHost sets it from its own <c>Auth</c> setting.</summary>
    public AuthMode Mode { get; set; } = AuthMode.None;

    /// <summary>Whether anyone may create an account on the sign-up page (else operators add accounts with <c>aimaster users add</c>).</summary>
    public bool AllowSignUp { get; set; } = true;

    public OidcOptions Oidc { get; set; } = new();
}
