namespace AiMastering.ApiService.Contracts;

/// <summary>
/// <c>GET /account/me</c>: how this service knows callers (<c>mode</c> none | accounts), whether this
/// caller is signed in, and what the sign-in page may offer.
/// </summary>
public sealed record AccountResponse(
    string Mode,
    bool SignedIn,
    string? UserId,
    string? Email,
    bool IsAdmin,
    bool AllowSignUp,
    string? SingleSignOn);
