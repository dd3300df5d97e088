using System.Collections.Concurrent;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Processing;
using AiMastering.Jobs.Queue;
using AiMastering.Jobs.Queue.RabbitMq;
using AiMastering.Jobs.Store;
using AiMastering.UnitTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace AiMastering.Tests.Infrastructure;

/// <summary>
/// JobRunner + RabbitMQ queue + SQLite store: transient failures come back through the delay tiers
/// with growing waits, and a job that keeps failing ends failed with its message dead-lettered.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqRetryTests : IAsyncLifetime
{
    private static readonly TimeSpan[] Delays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];
    private readonly string _prefix = TestServices.UniqueName("r");
    private readonly string _folder = Directory.CreateTempSubdirectory("aim-retry-").FullName;
    private readonly CancellationTokenSource _stop = new();
    private IConnection _connection = null!;
    private RabbitMqJobQueue _queue = null!;
    private SqliteJobStore _store = null!;
    private Task _consumer = Task.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        (_queue, _connection) = await RabbitMqTestQueues.OpenAsync(_prefix, Delays, Ct);
        _store = new SqliteJobStore($"Data Source={Path.Combine(_folder, "jobs.db")}");
        await _store.InitializeAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _consumer.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        await _queue.DisposeAsync();
        await _connection.DisposeAsync();
        await RabbitMqTestQueues.DeleteAsync(_prefix, Delays);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        _stop.Dispose();
    }

    private void StartWorker(IJobProcessor processor)
    {
        var options = Options.Create(new JobRunnerOptions { RetryDelays = Delays, MaxAttempts = 3, Lease = TimeSpan.FromSeconds(10), WorkerId = "w1" });
        var runner = new JobRunner(_store, _queue, processor, options, TimeProvider.System, NullLogger<JobRunner>.Instance);
        _consumer = Task.Run(() => _queue.ConsumeAsync(runner.HandleAsync, _stop.Token));
    }

    private async Task<Job> SubmitAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var job = new Job
        {
            Id = Guid.NewGuid(),
            UserId = "user-1",
            CreatedAt = now,
            UpdatedAt = now,
            MaxAttempts = 3,
            Source = new StoredFile("uploads/user-1/x/song.wav", "song.wav", 1000, "audio/wav"),
            RequestId = "req-1",
        };
        await _store.InsertAsync(job, Ct);
        await _queue.PublishAsync(new JobMessage(job.Id, job.RequestId, job.TraceParent, 1), Ct);
        return job;
    }

    [Fact]
    public async Task Job_that_fails_twice_then_succeeds_ends_done_after_three_attempts_with_growing_delays()
    {
        var processor = new FlakyProcessor(failures: 2);
        StartWorker(processor);

        var job = await SubmitAsync();

        await Eventually.TrueAsync(async () => (await _store.GetAsync(job.Id, Ct))?.Status == JobStatus.Done, TimeSpan.FromSeconds(30));
        var done = (await _store.GetAsync(job.Id, Ct))!;
        done.Attempts.ShouldBe(3);
        done.LastError.ShouldNotBeNull().Code.ShouldBe(ErrorCode.ProcessingFailed);
        var calls = processor.Calls.ToArray();
        calls.Length.ShouldBe(3);
        (calls[1] - calls[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95));
        (calls[2] - calls[1]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.95));
        (calls[2] - calls[1]).ShouldBeGreaterThan(calls[1] - calls[0]);
        (await _queue.CountDeadLettersAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Job_that_always_fails_ends_failed_after_max_attempts_with_its_message_dead_lettered()
    {
        var processor = new FlakyProcessor(failures: int.MaxValue);
        StartWorker(processor);

        var job = await SubmitAsync();

        await Eventually.TrueAsync(async () => (await _store.GetAsync(job.Id, Ct))?.Status == JobStatus.Failed, TimeSpan.FromSeconds(30));
        var failed = (await _store.GetAsync(job.Id, Ct))!;
        failed.Attempts.ShouldBe(3);
        failed.LastError.ShouldNotBeNull().Message.ShouldContain("Gave up after 3 attempts");
        await Eventually.TrueAsync(async () => await _queue.CountDeadLettersAsync(Ct) == 1, TimeSpan.FromSeconds(5));
        var letter = (await _queue.PeekDeadLettersAsync(5, Ct)).ShouldHaveSingleItem();
        letter.Message.JobId.ShouldBe(job.Id);
        letter.Message.Attempt.ShouldBe(3);
        letter.ErrorCode.ShouldBe("processing_failed");
        processor.Calls.Count.ShouldBe(3);
    }

    /// <summary>A processor at the system's edge: fails transiently <c>failures</c> times, then succeeds.</summary>
    private sealed class FlakyProcessor(int failures) : IJobProcessor
    {
        public ConcurrentQueue<DateTimeOffset> Calls { get; } = new();

        public Task<JobArtifacts> ProcessAsync(Job job, IJobProgress progress, CancellationToken cancellationToken)
        {
            Calls.Enqueue(DateTimeOffset.UtcNow);
            if (Calls.Count <= failures)
            {
                throw new IOException("storage hiccup");
            }

            return Task.FromResult(new JobArtifacts { Master = BlobKeysFor(job) });
        }

        private static string BlobKeysFor(Job job) => AiMastering.Jobs.Blobs.BlobKeys.Artifact(job.Id, job.Attempts, "master.wav");
    }
}
