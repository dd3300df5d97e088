namespace AiMastering.ApiService.Identity;

/// <summary>Configuration section <c>Auth:Oidc</c>: single sign-on through an OpenID Connect provider (off while <c>Authority</c> is empty).</summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The name on the sign-in button.</summary>
    public string DisplayName { get; set; } = "single sign-on";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
