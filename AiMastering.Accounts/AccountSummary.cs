namespace AiMastering.Accounts;

/// <summary>One account as operators see it.</summary>
public sealed record AccountSummary(string UserId, string Email, bool IsAdmin, bool LockedOut);
