using System.CommandLine;
using AiMastering.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiMastering.Cli;

/// <summary>
/// `aimaster users add|token|list|remove`: accounts on the same store as the API (ConnectionStrings__accounts,
/// else accounts.db in Data__Folder or --data). Tokens are printed once; only their hashes are kept.
/// </summary>
public static class UsersCommand
{
    public static Command Create(TextReader input)
    {
        var data = new Option<string?>("--data") { Description = "Embedded data folder (default: Data__Folder or .data)" };
        var email = new Argument<string>("email") { Description = "The account's email address" };
        var admin = new Option<bool>("--admin") { Description = "Give the account the admin role (all jobs, /admin)" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read a password for the sign-in page from standard input" };
        var add = new Command("add", "Create an account and print an API token for it") { email, admin, passwordStdin, data };
        add.SetAction((parse, ct) => AddAsync(parse.GetValue(data), parse.GetValue(email)!, parse.GetValue(admin),
            parse.GetValue(passwordStdin) ? input.ReadLine()?.TrimEnd('\r', '\n') : null, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));

        var tokenName = new Option<string>("--name") { Description = "A name to recognise the token by", DefaultValueFactory = _ => "aimaster" };
        var token = new Command("token", "Issue another API token for an account") { email, tokenName, data };
        token.SetAction((parse, ct) => TokenAsync(parse.GetValue(data), parse.GetValue(email)!, parse.GetValue(tokenName)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));

        var list = new Command("list", "List accounts") { data };
        list.SetAction((parse, ct) => ListAsync(parse.GetValue(data), parse.InvocationConfiguration.Output, ct));

        var remove = new Command("remove", "Delete an account and its tokens (its jobs stay until retention removes them)") { email, data };
        remove.SetAction((parse, ct) => RemoveAsync(parse.GetValue(data), parse.GetValue(email)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));

        return new Command("users", "Accounts and API tokens (Auth=accounts)") { add, token, list, remove };
    }

    private static async Task<int> AddAsync(string? data, string email, bool admin, string? password, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var services = await OpenAsync(data, ct);
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, string.IsNullOrEmpty(password) ? null : password, admin, ct);
        if (!created.Succeeded)
        {
            await error.WriteLineAsync($"No account made: {string.Join(" ", created.Errors)}");
            return ExitCodes.BadArguments;
        }

        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAsync(created.UserId!, "aimaster", ct);
        await output.WriteLineAsync(issued.Token);
        return ExitCodes.Ok;
    }

    private static async Task<int> TokenAsync(string? data, string email, string name, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var services = await OpenAsync(data, ct);
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserAccounts>().FindAsync(email);
        if (user is null)
        {
            await error.WriteLineAsync($"No account {email}.");
            return ExitCodes.BadArguments;
        }

        await output.WriteLineAsync((await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAsync(user.Id, name, ct)).Token);
        return ExitCodes.Ok;
    }

    private static async Task<int> ListAsync(string? data, TextWriter output, CancellationToken ct)
    {
        await using var services = await OpenAsync(data, ct);
        await using var scope = services.CreateAsyncScope();
        var accounts = await scope.ServiceProvider.GetRequiredService<UserAccounts>().ListAsync(ct);
        foreach (var account in accounts)
        {
            var notes = (account.IsAdmin ? " admin" : "") + (account.LockedOut ? " locked-out" : "");
            await output.WriteLineAsync($"{account.Email}  {account.UserId}{notes}");
        }

        await output.WriteLineAsync($"{accounts.Count} account(s)");
        return ExitCodes.Ok;
    }

    private static async Task<int> RemoveAsync(string? data, string email, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var services = await OpenAsync(data, ct);
        await using var scope = services.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<UserAccounts>().RemoveAsync(email))
        {
            await error.WriteLineAsync($"No account {email}.");
            return ExitCodes.BadArguments;
        }

        await output.WriteLineAsync($"Account {email} removed; its API tokens no longer work.");
        return ExitCodes.Ok;
    }

    private static async Task<ServiceProvider> OpenAsync(string? data, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var folder = Path.GetFullPath(data ?? configuration["Data:Folder"] ?? ".data");
        var services = new ServiceCollection().AddLogging();
        services.AddAccountsStore(configuration.GetConnectionString("accounts") ?? AccountsStoreExtensions.DefaultConnection(folder));
        var provider = services.BuildServiceProvider();
        await provider.InitializeAccountsStoreAsync(ct);
        return provider;
    }
}
