namespace AiMastering.Accounts;

/// <summary>Who a valid API token belongs to.</summary>
public sealed record TokenOwner(string UserId, string Email, bool IsAdmin);
