namespace AiMastering.ApiService.Identity;

/// <summary>Authentication scheme and policy names.</summary>
public static class CallerSchemes
{
    /// <summary>Accounts mode's default: forwards to <see cref="ApiToken"/> for <c>Authorization: Bearer</c>, else the session cookie.</summary>
    public const string Caller = "Caller";
    public const string ApiToken = "ApiToken";
    public const string Laptop = "Laptop";
    public const string Oidc = "oidc";

    public const string SignedInPolicy = "signed-in";
    public const string AdminPolicy = "admin";
}
