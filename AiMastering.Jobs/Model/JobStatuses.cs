namespace AiMastering.Jobs.Model;

/// <summary>
/// The wire names of <see cref="JobStatus"/>. The allowed moves between statuses are not a table
/// here: each store method is one compare-and-set whose condition names the expected status
/// (<c>SqliteJobStore</c>'s SQL, <c>MongoJobCommands</c>' filters), and the shared store contract tests
/// every move and every refusal on every store.
/// </summary>
public static class JobStatuses
{
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
