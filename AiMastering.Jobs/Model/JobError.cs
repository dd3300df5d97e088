namespace AiMastering.Jobs.Model;

/// <summary>The last error of a job: a stable code, a sentence a musician understands, and when.</summary>
public sealed record JobError(ErrorCode Code, string Message, DateTimeOffset At);
