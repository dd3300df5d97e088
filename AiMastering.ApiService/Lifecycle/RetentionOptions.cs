using System.ComponentModel.DataAnnotations;

namespace AiMastering.ApiService.Lifecycle;

/// <summary>Configuration section <c>Jobs</c> (retention part): how long finished jobs and their files are kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Jobs";

    /// <summary>Days a finished job (done or failed) and all its files are kept after its last change; 0 = forever.</summary>
    [Range(0, 36500)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>An upload that never became a job is deleted after this long.</summary>
    public TimeSpan OrphanUploadAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the retention sweep runs.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
