namespace AiMastering.Accounts;

/// <summary>
/// A personal API token (<c>Authorization: Bearer …</c>). Only the SHA-256 of the token is stored: the
/// token itself is 256 random bits, so a fast hash is as safe as a slow one and keeps every request cheap.
/// </summary>
public sealed class ApiToken
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required string Name { get; init; }

    /// <summary>Hex SHA-256 of the token's text.</summary>
    public required string Hash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
}
