namespace AiMastering.Accounts;

/// <summary>A new token: its text is shown once and never stored.</summary>
public sealed record IssuedToken(string Id, string Name, string Token, DateTimeOffset CreatedAt);
