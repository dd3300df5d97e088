namespace AiMastering.Jobs.Queue;

/// <summary>A message parked after its last attempt, with the error that ended it.</summary>
public sealed record DeadLetter(JobMessage Message, string? ErrorCode, string? ErrorMessage, DateTimeOffset? At);
