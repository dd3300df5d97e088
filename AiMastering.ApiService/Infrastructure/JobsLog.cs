namespace AiMastering.ApiService.Infrastructure;

/// <summary>The API's log lines about jobs: who asked for what, and why a request was refused (the request id is in the scope).</summary>
public static partial class JobsLog
{
    [LoggerMessage(LogLevel.Information, "Job {JobId} created for user {UserId} (target {Target}, {SourceBytes} bytes)")]
    public static partial void Created(ILogger logger, Guid jobId, string userId, string? target, long sourceBytes);

    [LoggerMessage(LogLevel.Information, "Job request of user {UserId} refused: {Code} {Detail}")]
    public static partial void Refused(ILogger logger, string userId, string? code, string? detail);

    [LoggerMessage(LogLevel.Information, "Job {JobId} of user {UserId} retried by an operator")]
    public static partial void Retried(ILogger logger, Guid jobId, string userId);
}
