using AiMastering.Jobs.Store;
using AiMastering.Jobs.Store.Mongo;
using AiMastering.Tests.Infrastructure;
using MongoDB.Driver;

namespace AiMastering.Tests.Contracts;

/// <summary>The queue-snapshot contract on a real MongoDB server when <c>AIM_TEST_MONGODB</c> names one; skipped otherwise.</summary>
public sealed class MongoQueueSnapshotTests : QueueSnapshotContract, IAsyncLifetime
{
    private readonly string _database = TestServices.UniqueName("aim-test");
    private MongoClient? _client;

    protected override async Task<IJobStore> OpenStoreAsync()
    {
        Assert.SkipWhen(TestServices.MongoDb is null, TestServices.MongoSkipReason);
        _client ??= new MongoClient(TestServices.MongoDb);
        var store = new MongoJobStore(_client.GetDatabase(_database));
        await store.InitializeAsync(Ct);
        return store;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DropDatabaseAsync(_database);
            _client.Dispose();
        }
    }
}
