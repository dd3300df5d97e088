using AiMastering.Jobs.Store;

namespace AiMastering.UnitTests.Contracts;

/// <summary>The job-store contract on the embedded SQLite store (a fresh database per test).</summary>
public sealed class SqliteJobStoreTests : JobStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aim-sqlite-").FullName;

    protected override async Task<IJobStore> OpenStoreAsync()
    {
        var store = new SqliteJobStore($"Data Source={Path.Combine(_folder, "jobs.db")}");
        await store.InitializeAsync(Ct);
        return store;
    }

    [Fact]
    public async Task The_next_claim_goes_to_the_user_served_least_recently_not_to_the_oldest_backlog()
    {
        var store = await OpenStoreAsync();
        var alice = Enumerable.Range(0, 3).Select(i => NewJob("alice", T0.AddSeconds(i)) with { Id = Guid.CreateVersion7() }).ToList();
        var bob = NewJob("bob", T0.AddSeconds(10)) with { Id = Guid.CreateVersion7() };
        foreach (var job in alice.Append(bob))
        {
            await store.InsertAsync(job, Ct);
        }

        // One worker: alice's first job runs; while it runs, and after it is done, bob's job is next.
        (await store.FindClaimableAsync(T0.AddSeconds(20), 1, Ct)).ShouldBe([alice[0].Id]);
        await store.TryClaimAsync(alice[0].Id, "w1", T0.AddSeconds(20), TimeSpan.FromMinutes(1), Ct);
        (await store.FindClaimableAsync(T0.AddSeconds(21), 1, Ct)).ShouldBe([bob.Id]);
        await store.CompleteAsync(alice[0].Id, "w1", AiMastering.Jobs.Model.JobArtifacts.None, T0.AddSeconds(50), Ct);
        (await store.FindClaimableAsync(T0.AddSeconds(51), 1, Ct)).ShouldBe([bob.Id], "bob starts within one job-time, not behind alice's backlog");
        await store.TryClaimAsync(bob.Id, "w1", T0.AddSeconds(51), TimeSpan.FromMinutes(1), Ct);
        (await store.FindClaimableAsync(T0.AddSeconds(52), 2, Ct)).ShouldBe([alice[1].Id, alice[2].Id]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
