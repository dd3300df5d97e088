using System.ComponentModel.DataAnnotations;

namespace AiMastering.Jobs.Processing;

/// <summary>Configuration section <c>Jobs</c>.</summary>
public sealed class JobRunnerOptions
{
    public const string Section = "Jobs";

    /// <summary>How long a claim lasts without renewal. Renewed every third of it.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Back-off before attempt 2, 3, …; the last tier repeats.</summary>
    [MinLength(1)]
    public TimeSpan[] RetryDelays { get; set; } = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5)];

    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How often the recovery sweep looks for expired leases and lost messages.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A queued job untouched for this long is re-published (its message may be lost).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan RepublishAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Identifies this worker in leases and logs. Default: machine name + process id.</summary>
    public string? WorkerId { get; set; }

    public TimeSpan RetryDelay(int attemptsSoFar) =>
        RetryDelays[Math.Clamp(attemptsSoFar - 1, 0, RetryDelays.Length - 1)];

    public string ResolveWorkerId() => WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}";
}
