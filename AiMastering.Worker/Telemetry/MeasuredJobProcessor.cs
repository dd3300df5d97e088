using System.Diagnostics;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Processing;
using AiMastering.ServiceDefaults.Telemetry;

namespace AiMastering.Worker.Telemetry;

/// <summary>
/// Measures every job the mastering processor runs: jobs in flight, the time between the stages it reports, and
/// the outcome with its error code. What it measures is what an operator asks: how many, how long, why failed.
/// </summary>
public sealed class MeasuredJobProcessor(IJobProcessor inner) : IJobProcessor
{
    public async Task<JobArtifacts> ProcessAsync(Job job, IJobProgress progress, CancellationToken cancellationToken)
    {
        var stages = new StageClock(progress);
        WorkerMetrics.JobsInFlight.Add(1);
        try
        {
            var artifacts = await inner.ProcessAsync(job, stages, cancellationToken);
            stages.End();
            WorkerMetrics.JobsProcessed.Add(1, Outcome(MetricNames.Done), Code(null));
            return artifacts;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            WorkerMetrics.JobsProcessed.Add(1, Outcome(MetricNames.Cancelled), Code(ErrorCode.WorkerLost.ToWire()));
            throw;
        }
        catch (Exception ex)
        {
            var code = ex is JobFailedException failed ? failed.Code : ErrorCode.ProcessingFailed;
            WorkerMetrics.JobsProcessed.Add(1, Outcome(MetricNames.Failed), Code(code.ToWire()));
            throw;
        }
        finally
        {
            WorkerMetrics.JobsInFlight.Add(-1);
        }
    }

    private static KeyValuePair<string, object?> Outcome(string outcome) => new(MetricNames.OutcomeTag, outcome);

    private static KeyValuePair<string, object?> Code(string? code) => new(MetricNames.CodeTag, code ?? "none");

    /// <summary>Each reported stage lasts until another stage is reported (or the job ends); fraction updates within a stage do not restart it.</summary>
    private sealed class StageClock(IJobProgress inner) : IJobProgress
    {
        private string? stage;
        private long started;

        public Task ReportAsync(JobProgress progress, CancellationToken cancellationToken)
        {
            if (progress.Stage != stage)
            {
                End();
                stage = progress.Stage;
                started = Stopwatch.GetTimestamp();
            }

            return inner.ReportAsync(progress, cancellationToken);
        }

        public void End()
        {
            if (stage is not null)
            {
                WorkerMetrics.StageDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>(MetricNames.StageTag, stage));
                stage = null;
            }
        }
    }
}
