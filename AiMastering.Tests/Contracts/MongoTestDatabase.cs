using AiMastering.Jobs.Store;
using AiMastering.Jobs.Store.Mongo;
using AiMastering.Tests.Infrastructure;
using MongoDB.Driver;

namespace AiMastering.Tests.Contracts;

/// <summary>
/// A database of its own on the MongoDB server that <c>AIM_TEST_MONGODB</c> names, dropped afterwards; a test that
/// opens a store skips, with that reason, where no server is named (none can be installed on this machine).
/// </summary>
internal sealed class MongoTestDatabase : IAsyncDisposable
{
    private readonly string _database = TestServices.UniqueName("aim-test");
    private MongoClient? _client;

    public async Task<IJobStore> OpenStoreAsync(CancellationToken cancellationToken)
    {
        Assert.SkipWhen(TestServices.MongoDb is null, TestServices.MongoSkipReason);
        _client ??= new MongoClient(TestServices.MongoDb);
        var store = new MongoJobStore(_client.GetDatabase(_database));
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DropDatabaseAsync(_database);
            _client.Dispose();
        }
    }
}
