using AiMastering.Jobs.Store;

namespace AiMastering.Tests.Contracts;

/// <summary>The queue-snapshot contract on the embedded SQLite store (a fresh database per test).</summary>
public sealed class SqliteQueueSnapshotTests : QueueSnapshotContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aim-sqlite-").FullName;

    protected override async Task<IJobStore> OpenStoreAsync()
    {
        var store = new SqliteJobStore($"Data Source={Path.Combine(_folder, "jobs.db")}");
        await store.InitializeAsync(Ct);
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
