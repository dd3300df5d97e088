using System.ComponentModel.DataAnnotations;

namespace AiMastering.ApiService.Limits;

/// <summary>Configuration section <c>Limits</c>: what one person may ask of the service.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Longest track accepted, from its header, before anything is decoded.</summary>
    [Range(1, 24 * 60)]
    public int MaxTrackMinutes { get; set; } = 60;

    /// <summary>Queued + processing jobs one user may have at once.</summary>
    [Range(1, 1000)]
    public int MaxActiveJobsPerUser { get; set; } = 3;

    /// <summary>Bytes one user may keep uploaded (sources and references of their jobs, and uploads not yet used). 5 GB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxStoredBytesPerUser { get; set; } = 5_000_000_000;

    /// <summary>Upload and job requests (<c>/uploads/presign</c>, <c>POST /jobs</c>) per minute per user.</summary>
    [Range(1, 100_000)]
    public int SubmitsPerMinutePerUser { get; set; } = 30;

    /// <summary>The same per client address (a band or a studio behind one address shares it).</summary>
    [Range(1, 100_000)]
    public int SubmitsPerMinutePerIp { get; set; } = 120;

    /// <summary>What <c>Retry-After</c> says when a user is at the active-jobs limit: about one job's time.</summary>
    [Range(1, 3600)]
    public int ActiveJobsRetryAfterSeconds { get; set; } = 60;
}
