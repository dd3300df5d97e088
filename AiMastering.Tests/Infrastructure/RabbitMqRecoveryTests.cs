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
/// The recovery sweep with RabbitMQ + SQLite: a queued job whose message was lost is re-published
/// once, a job whose worker died is re-queued and finished by another worker — and no job's
/// processing ever completes twice.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqRecoveryTests : IAsyncLifetime
{
    private static readonly TimeSpan[] Delays = [TimeSpan.FromSeconds(1)];
    private readonly string _prefix = TestServices.UniqueName("s");
    private readonly string _folder = Directory.CreateTempSubdirectory("aim-sweep-").FullName;
    private readonly CancellationTokenSource _stop = new();
    private readonly ShiftedTimeProvider _time = new();
    private readonly ConcurrentDictionary<Guid, int> _processed = new();
    private IOptions<JobRunnerOptions> _options = null!;
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
        _options = Options.Create(new JobRunnerOptions
        {
            RetryDelays = Delays,
            Lease = TimeSpan.FromSeconds(30),
            RepublishAfter = TimeSpan.FromMinutes(2),
            WorkerId = "live-worker",
        });
        var runner = new JobRunner(_store, _queue, new CountingProcessor(_processed), _options, _time, NullLogger<JobRunner>.Instance);
        _consumer = Task.Run(() => _queue.ConsumeAsync(runner.HandleAsync, _stop.Token));
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

    private RecoverySweeper Sweeper() => new(_store, _queue, _options, _time, NullLogger<RecoverySweeper>.Instance);

    private async Task<Job> InsertQueuedAsync()
    {
        var now = _time.GetUtcNow();
        var job = new Job
        {
            Id = Guid.NewGuid(),
            UserId = "user-1",
            CreatedAt = now,
            UpdatedAt = now,
            Source = new StoredFile("uploads/user-1/x/song.wav", "song.wav", 1000, "audio/wav"),
        };
        await _store.InsertAsync(job, Ct);
        return job;
    }

    [Fact]
    public async Task Queued_job_whose_message_was_lost_is_republished_once_and_done()
    {
        var job = await InsertQueuedAsync(); // the API died before publishing
        var published = await InsertQueuedAsync();
        await _queue.PublishAsync(new JobMessage(published.Id, null, null, 1), Ct);
        // The worker has handled the queue up to a job published after the first one was stored.
        await Eventually.TrueAsync(async () => (await _store.GetAsync(published.Id, Ct))!.Status == JobStatus.Done, TimeSpan.FromSeconds(15));
        (await _store.GetAsync(job.Id, Ct))!.Status.ShouldBe(JobStatus.Queued, "no message, no work");

        _time.Offset = TimeSpan.FromMinutes(3);
        var moved = await Task.WhenAll(Sweeper().SweepOnceAsync(Ct), Sweeper().SweepOnceAsync(Ct)); // two workers sweep at once

        moved.Sum().ShouldBe(1);
        await Eventually.TrueAsync(async () => (await _store.GetAsync(job.Id, Ct))!.Status == JobStatus.Done, TimeSpan.FromSeconds(15));
        _processed[job.Id].ShouldBe(1);
    }

    [Fact]
    public async Task Job_of_a_dead_worker_is_requeued_and_finished_once_by_another()
    {
        var job = await InsertQueuedAsync();
        (await _store.TryClaimAsync(job.Id, "dead-worker", _time.GetUtcNow(), TimeSpan.FromSeconds(30), Ct)).ShouldNotBeNull();

        _time.Offset = TimeSpan.FromSeconds(31);
        (await Sweeper().SweepOnceAsync(Ct)).ShouldBe(1);

        await Eventually.TrueAsync(async () => (await _store.GetAsync(job.Id, Ct))!.Status == JobStatus.Done, TimeSpan.FromSeconds(15));
        var done = (await _store.GetAsync(job.Id, Ct))!;
        done.Attempts.ShouldBe(2);
        done.LastError!.Code.ShouldBe(ErrorCode.WorkerLost);
        _processed[job.Id].ShouldBe(1);
        // The dead worker wakes up: its late completion is refused.
        (await _store.CompleteAsync(job.Id, "dead-worker", JobArtifacts.None, _time.GetUtcNow(), Ct)).ShouldBeFalse();
    }

    private sealed class CountingProcessor(ConcurrentDictionary<Guid, int> processed) : IJobProcessor
    {
        public Task<JobArtifacts> ProcessAsync(Job job, IJobProgress progress, CancellationToken cancellationToken)
        {
            processed.AddOrUpdate(job.Id, 1, (_, n) => n + 1);
            return Task.FromResult(new JobArtifacts { Master = AiMastering.Jobs.Blobs.BlobKeys.Artifact(job.Id, job.Attempts, "master.wav") });
        }
    }
}
