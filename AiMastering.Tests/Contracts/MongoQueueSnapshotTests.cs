using AiMastering.Jobs.Store;

namespace AiMastering.Tests.Contracts;

/// <summary>The queue-snapshot contract on a real MongoDB server when <c>AIM_TEST_MONGODB</c> names one; skipped otherwise.</summary>
public sealed class MongoQueueSnapshotTests : QueueSnapshotContract, IAsyncDisposable
{
    private readonly MongoTestDatabase _database = new();

    protected override Task<IJobStore> OpenStoreAsync() => _database.OpenStoreAsync(Ct);

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
