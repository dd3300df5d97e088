namespace AiMastering.ApiService.Contracts;

/// <summary>A personal API token; <c>token</c> is present only in the answer that created it.</summary>
public sealed record TokenResponse(string Id, string Name, DateTimeOffset CreatedAt, string? Token);

public sealed record TokenListResponse(IReadOnlyList<TokenResponse> Tokens);
