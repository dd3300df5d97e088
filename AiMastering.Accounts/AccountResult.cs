namespace AiMastering.Accounts;

/// <summary>The account made (or found), or the reasons it could not be, in words a person understands.</summary>
public sealed record AccountResult(string? UserId, IReadOnlyList<string> Errors)
{
    public bool Succeeded => UserId is not null;
}
