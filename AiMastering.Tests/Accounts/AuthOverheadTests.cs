extern alias api;
using System.Diagnostics;
using System.Net;
using AiMastering.Accounts;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Store;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiMastering.Tests.Accounts;

/// <summary>
/// What authentication costs on <c>GET /jobs/{id}</c>: the API in-process in laptop mode and in accounts mode
/// (API token: one indexed SQLite read of its hash, its account and the admin role), requests interleaved in the same run.
/// </summary>
public sealed class AuthOverheadTests : IDisposable
{
    private const int Requests = 1500;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Directory.CreateTempSubdirectory("aim-overhead").FullName;

    [Fact]
    public async Task A_token_adds_little_to_reading_a_job()
    {
        await using var laptop = Factory("None", "laptop");
        await using var accounts = Factory("Accounts", "accounts");
        using var laptopClient = laptop.CreateClient();
        using var accountsClient = accounts.CreateClient();

        string userId, token;
        await using (var scope = accounts.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync("bench@example.test", null, false, Ct);
            userId = created.UserId!;
            token = (await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAsync(userId, "bench", Ct)).Token;
        }

        var laptopJob = await InsertJobAsync(laptop, "anonymous");
        var accountsJob = await InsertJobAsync(accounts, userId);
        accountsClient.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var without = new List<double>(Requests);
        var with = new List<double>(Requests);
        for (var i = 0; i < Requests + 100; i++)
        {
            var a = await TimeAsync(laptopClient, laptopJob);
            var b = await TimeAsync(accountsClient, accountsJob);
            if (i >= 100)
            {
                without.Add(a);
                with.Add(b);
            }
        }

        var (p50Without, p99Without) = (Percentile(without, 0.50), Percentile(without, 0.99));
        var (p50With, p99With) = (Percentile(with, 0.50), Percentile(with, 0.99));
        TestContext.Current.SendDiagnosticMessage(
            $"GET /jobs/{{id}} in-process, {Requests} each, interleaved: without authentication p50 {p50Without:0.00} ms p99 {p99Without:0.00} ms; " +
            $"with an API token p50 {p50With:0.00} ms p99 {p99With:0.00} ms");
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "aim-auth-overhead.txt"),
            $"without p50 {p50Without:0.00} p99 {p99Without:0.00}; with p50 {p50With:0.00} p99 {p99With:0.00} (ms)");
        // p99 on this shared 2-core machine follows the other processes more than our code: the median is the check.
        p50With.ShouldBeLessThan(p50Without + 5, "a token lookup is one indexed SQLite read");
    }

    private WebApplicationFactory<api::Program> Factory(string mode, string name)
    {
        var folder = Path.Combine(_folder, name);
        return new WebApplicationFactory<api::Program>().WithWebHostBuilder(web => web
            .UseSetting("Auth:Mode", mode)
            .UseSetting("Data:Folder", folder)
            .UseSetting("Jobs:RetentionSweepInterval", "01:00:00"));
    }

    private static async Task<Guid> InsertJobAsync(WebApplicationFactory<api::Program> factory, string userId)
    {
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            Source = new StoredFile($"uploads/{userId}/0123/song.wav", "song.wav", 1000, "audio/wav"),
        };
        await factory.Services.GetRequiredService<IJobStore>().InsertAsync(job, Ct);
        return job.Id;
    }

    private static async Task<double> TimeAsync(HttpClient client, Guid jobId)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync($"/jobs/{jobId}", Ct);
        clock.Stop();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
