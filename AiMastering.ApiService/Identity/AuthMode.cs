namespace AiMastering.ApiService.Identity;

/// <summary>How callers are known.</summary>
public enum AuthMode
{
    /// <summary>Single-user laptop mode: the caller is whatever <c>X-User-Id</c> says, and may operate the service. Loopback only.</summary>
    None,

    /// <summary>Accounts (ASP.NET Core Identity): cookie sessions, personal API tokens, optional OpenID Connect.</summary>
    Accounts,
}
