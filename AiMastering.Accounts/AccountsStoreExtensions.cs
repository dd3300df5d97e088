using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AiMastering.Accounts;

public static class AccountsStoreExtensions
{
    /// <summary>The accounts file's name in the data folder, beside the jobs' SQLite file.</summary>
    public const string FileName = "accounts.db";

    /// <summary>
    /// Identity's user and role stores and the token service on SQLite (<paramref name="connectionString"/>:
    /// <c>Data Source=…</c>). Passwords are hashed by Identity (PBKDF2); five wrong passwords lock an account
    /// for five minutes.
    /// </summary>
    public static IdentityBuilder AddAccountsStore(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Pooled: every API-token request opens a context, and a pooled one skips building it each time.
        services.AddDbContextPool<AccountsDbContext>(o => o.UseSqlite(connectionString));
        services.AddScoped<ApiTokens>();
        services.AddScoped<UserAccounts>();
        return services
            .AddIdentityCore<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): a long passphrase beats "Passw0rd!".
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>();
    }

    /// <summary>The SQLite connection string of the accounts file in <paramref name="dataFolder"/>.</summary>
    public static string DefaultConnection(string dataFolder) => $"Data Source={Path.Combine(dataFolder, FileName)}";

    /// <summary>Creates the accounts file's tables when they are missing. Idempotent.</summary>
    public static async Task InitializeAccountsStoreAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var source = db.Database.GetDbConnection().DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.EnsureCreatedAsync(cancellationToken);
    }
}
