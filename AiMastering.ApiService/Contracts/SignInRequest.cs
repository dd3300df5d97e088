namespace AiMastering.ApiService.Contracts;

/// <summary><c>POST /account/signin</c> and <c>/account/signup</c>.</summary>
public sealed record SignInRequest(string? Email, string? Password);
