using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiMastering.Accounts;

/// <summary>Account operations shared by the sign-up page, OpenID Connect sign-in and <c>aimaster users</c>.</summary>
public sealed class UserAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, AccountsDbContext db)
{
    /// <summary>A new account (role <c>user</c>, and <c>admin</c> when asked); no password = sign-in by token or single sign-on only.</summary>
    public async Task<AccountResult> CreateAsync(string email, string? password, bool admin, CancellationToken cancellationToken)
    {
        await EnsureRolesAsync();
        var user = new IdentityUser { UserName = email.Trim(), Email = email.Trim() };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountResult(null, created.Errors.Select(e => e.Description).ToList());
        }

        await users.AddToRoleAsync(user, Roles.User);
        if (admin)
        {
            await users.AddToRoleAsync(user, Roles.Admin);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new AccountResult(user.Id, []);
    }

    public Task<IdentityUser?> FindAsync(string email) => users.FindByEmailAsync(email.Trim());

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var admins = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.Admin
            select ur.UserId).ToListAsync(cancellationToken);
        var all = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        return all.Select(u => new AccountSummary(u.Id, u.Email ?? "", admins.Contains(u.Id), u.LockoutEnd > now)).ToList();
    }

    /// <summary>Deletes the account and its tokens; false when there is no such account.</summary>
    public async Task<bool> RemoveAsync(string email)
    {
        var user = await FindAsync(email);
        return user is not null && (await users.DeleteAsync(user)).Succeeded;
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in new[] { Roles.User, Roles.Admin })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
