using AiMastering.Jobs.Model;

namespace AiMastering.ApiService.Contracts;

/// <summary>What <c>GET /jobs/{id}</c> returns. Artifact URLs are signed and expire: fetch the job again for fresh ones.</summary>
public sealed record JobResponse(
    Guid JobId,
    string Status,
    string FileName,
    string? ReferenceFileName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Attempts,
    int MaxAttempts,
    JobProgressResponse Progress,
    JobErrorResponse? Error,
    JobOptions Options,
    IReadOnlyDictionary<string, string> Artifacts);

/// <summary>Where the job is: a stage code (one of <c>JobStages</c>), 0..1 of that stage, and the estimated seconds left (null while unknown).</summary>
public sealed record JobProgressResponse(string? Stage, double? Fraction, double? EtaSeconds);

public sealed record JobErrorResponse(string Code, string Message, DateTimeOffset At);

public sealed record JobListResponse(IReadOnlyList<JobResponse> Jobs);
