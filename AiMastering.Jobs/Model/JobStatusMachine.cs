namespace AiMastering.Jobs.Model;

/// <summary>
/// The allowed status transitions. Stores apply every transition as a compare-and-set on the
/// expected current status, so two processes can never both make the same move.
/// </summary>
public static class JobStatusMachine
{
    private static readonly HashSet<(JobStatus From, JobStatus To)> Allowed =
    [
        (JobStatus.Queued, JobStatus.Processing), // a worker claims it
        (JobStatus.Processing, JobStatus.Done), // the worker finished
        (JobStatus.Processing, JobStatus.Failed), // permanent error, or out of attempts
        (JobStatus.Processing, JobStatus.Queued), // transient error (retry) or lease expired
        (JobStatus.Queued, JobStatus.Failed), // out of attempts before it could run
        (JobStatus.Failed, JobStatus.Queued), // an operator retries it
    ];

    public static bool CanMove(JobStatus from, JobStatus to) => Allowed.Contains((from, to));

    public static void EnsureCanMove(JobStatus from, JobStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new InvalidOperationException($"A job cannot go from {from} to {to}.");
        }
    }

    public static bool IsFinal(JobStatus status) => status is JobStatus.Done or JobStatus.Failed;

    public static string ToWire(this JobStatus status) => status switch
    {
        JobStatus.Queued => "queued",
        JobStatus.Processing => "processing",
        JobStatus.Done => "done",
        JobStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static JobStatus FromWire(string value) => value switch
    {
        "queued" => JobStatus.Queued,
        "processing" => JobStatus.Processing,
        "done" => JobStatus.Done,
        "failed" => JobStatus.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown job status."),
    };
}
