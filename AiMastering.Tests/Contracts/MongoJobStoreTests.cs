using AiMastering.Jobs.Store;
using AiMastering.UnitTests.Contracts;

namespace AiMastering.Tests.Contracts;

/// <summary>
/// The job-store contract on a real MongoDB server, when <c>AIM_TEST_MONGODB</c> names one
/// (none can be installed on this machine); skipped with that reason otherwise.
/// </summary>
public sealed class MongoJobStoreTests : JobStoreContract, IAsyncDisposable
{
    private readonly MongoTestDatabase _database = new();

    protected override Task<IJobStore> OpenStoreAsync() => _database.OpenStoreAsync(Ct);

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
