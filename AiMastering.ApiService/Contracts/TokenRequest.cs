namespace AiMastering.ApiService.Contracts;

/// <summary><c>POST /account/tokens</c>: a name to recognise the token by ("laptop script").</summary>
public sealed record TokenRequest(string? Name);
