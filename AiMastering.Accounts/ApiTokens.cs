using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace AiMastering.Accounts;

/// <summary>Issues, checks and revokes personal API tokens (stored as hashes, revocable).</summary>
public sealed class ApiTokens(AccountsDbContext db, TimeProvider time)
{
    /// <summary>Every token starts with this, so a leaked one is easy to recognise (and to scan for).</summary>
    public const string Prefix = "aim_";

    public async Task<IssuedToken> IssueAsync(string userId, string name, CancellationToken cancellationToken)
    {
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new ApiToken
        {
            Id = Guid.CreateVersion7().ToString("N"),
            UserId = userId,
            Name = name,
            Hash = HashOf(token),
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedToken(row.Id, row.Name, token, row.CreatedAt);
    }

    /// <summary>The owner of a valid, unrevoked token; null for anything else.</summary>
    public async Task<TokenOwner?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = HashOf(token);
        // One round trip: the token, its account and whether the account is an admin.
        var owner = await (
            from t in db.ApiTokens.AsNoTracking()
            join u in db.Users.AsNoTracking() on t.UserId equals u.Id
            where t.Hash == hash && t.RevokedAt == null
            select new
            {
                u.Id,
                u.Email,
                u.LockoutEnd,
                IsAdmin = (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == u.Id && r.Name == Roles.Admin
                           select ur).Any(),
            }).SingleOrDefaultAsync(cancellationToken);
        return owner is null || owner.LockoutEnd > time.GetUtcNow() ? null : new TokenOwner(owner.Id, owner.Email ?? "", owner.IsAdmin);
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken) =>
        await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.RevokedAt == null)
            .OrderBy(t => t.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Revokes one of the user's tokens; false when the user has no such token.</summary>
    public async Task<bool> RevokeAsync(string userId, string tokenId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var changed = await db.ApiTokens
            .Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        return changed == 1;
    }

    internal static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
