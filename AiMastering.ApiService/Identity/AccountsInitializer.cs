using AiMastering.Accounts;

namespace AiMastering.ApiService.Identity;

/// <summary>Creates the accounts tables before the API takes requests.</summary>
public sealed class AccountsInitializer(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.InitializeAccountsStoreAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
