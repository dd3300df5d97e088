using System.Runtime.ExceptionServices;
using AiMastering.Engine.Mastering;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Processing;

namespace AiMastering.Worker.Pipeline;

/// <summary>
/// Passes a job's progress on to the store, throttled: every stage change, otherwise at most every
/// <see cref="Interval"/>. One update is in flight at a time; a waiting update is replaced by a newer one of the same
/// stage (a new stage queues behind it, so every stage reaches the job), and the engine never waits for the store. The ETA is the mastering's elapsed time scaled by the engine's overall fraction
/// (elapsed × (1 − f) / f, once f ≥ <see cref="EtaFromFraction"/>); before the engine starts and after it ends there is none.
/// A failed update fails <see cref="FlushAsync"/>.
/// </summary>
internal sealed class ProgressForwarder(IJobProgress job, TimeProvider time, CancellationToken cancellationToken) : IProgress<MasteringProgress>
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(400);

    public const double EtaFromFraction = 0.05;

    private readonly Lock gate = new();
    private readonly List<JobProgress> waiting = [];
    private Task sending = Task.CompletedTask;
    private bool running;
    private ExceptionDispatchInfo? failed;
    private string? lastStage;
    private long lastSent;
    private long engineStarted;

    /// <summary>A worker stage (downloading, saving, …), sent at once.</summary>
    public void Stage(string stage) => Offer(new JobProgress(stage), force: true);

    /// <summary>An engine report (from the engine's threads).</summary>
    public void Report(MasteringProgress value)
    {
        double? eta = null;
        lock (gate)
        {
            if (engineStarted == 0)
            {
                engineStarted = time.GetTimestamp();
            }

            var elapsed = time.GetElapsedTime(engineStarted).TotalSeconds;
            if (value.Overall >= EtaFromFraction)
            {
                eta = Math.Round(elapsed * (1 - value.Overall) / value.Overall, 1);
            }
        }

        Offer(new JobProgress(StageMapping.ToJobStage(value.Stage), Math.Round(value.Fraction, 3), eta), force: false);
    }

    /// <summary>Waits until the last offered progress is stored; throws what a failed update threw.</summary>
    public async Task FlushAsync()
    {
        await SettleAsync();
        failed?.Throw();
    }

    /// <summary>Waits until no update is in flight (after a failed job, whose own error is the one reported).</summary>
    public Task SettleAsync()
    {
        lock (gate)
        {
            return sending;
        }
    }

    private void Offer(JobProgress progress, bool force)
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            if (!force && progress.Stage == lastStage && time.GetElapsedTime(lastSent, now) < Interval)
            {
                return;
            }

            lastStage = progress.Stage;
            lastSent = now;
            if (waiting.Count > 0 && waiting[^1].Stage == progress.Stage)
            {
                waiting[^1] = progress;
            }
            else
            {
                waiting.Add(progress);
            }

            if (!running && failed is null)
            {
                running = true;
                sending = Task.Run(SendAsync, CancellationToken.None);
            }
        }
    }

    private async Task SendAsync()
    {
        try
        {
            while (true)
            {
                JobProgress next;
                lock (gate)
                {
                    if (waiting.Count == 0)
                    {
                        running = false;
                        return;
                    }

                    next = waiting[0];
                    waiting.RemoveAt(0);
                }

                await job.ReportAsync(next, cancellationToken);
            }
        }
        catch (Exception e)
        {
            // Kept for FlushAsync: no later update is sent once one failed.
            lock (gate)
            {
                running = false;
                failed = ExceptionDispatchInfo.Capture(e);
            }
        }
    }
}
