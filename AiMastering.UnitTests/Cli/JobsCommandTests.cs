using AiMastering.Cli;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Store;

namespace AiMastering.UnitTests.Cli;

/// <summary>`aimaster jobs …` against a real embedded store in its own data folder.</summary>
public sealed class JobsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_lists_failed_jobs_and_queues_one_again()
    {
        var data = Directory.CreateTempSubdirectory("aim-cli").FullName;
        var store = new SqliteJobStore($"Data Source={Path.Combine(data, "jobs.db")}");
        await store.InitializeAsync(Ct);
        var now = DateTimeOffset.UtcNow;
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            UserId = "u",
            CreatedAt = now,
            UpdatedAt = now,
            Source = new StoredFile("uploads/u/1/a.wav", "Song A.wav", 10, "audio/wav"),
        };
        await store.InsertAsync(job, Ct);
        (await store.TryClaimAsync(job.Id, "w", now, TimeSpan.FromMinutes(1), Ct)).ShouldNotBeNull();
        (await store.FailAsync(job.Id, "w", new JobError(ErrorCode.SilentAudio, "The file is silent.", now), now, Ct)).ShouldBeTrue();

        var output = new StringWriter();
        CliApp.Run(["jobs", "list", "--status", "failed", "--data", data], output, new StringWriter()).ShouldBe(0);
        output.ToString().ShouldContain(job.Id.ToString());
        output.ToString().ShouldContain("silent_audio: The file is silent.");

        CliApp.Run(["jobs", "retry", job.Id.ToString(), "--data", data], new StringWriter(), new StringWriter()).ShouldBe(0);
        (await store.GetAsync(job.Id, Ct))!.Status.ShouldBe(JobStatus.Queued);

        var error = new StringWriter();
        CliApp.Run(["jobs", "retry", job.Id.ToString(), "--data", data], new StringWriter(), error).ShouldBe(1);
        error.ToString().ShouldContain("only failed jobs can be retried");
    }
}
