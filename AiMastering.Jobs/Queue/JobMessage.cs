namespace AiMastering.Jobs.Queue;

/// <summary>
/// A wake-up for one job. The store is the truth; the message only says "look at job X".
/// <paramref name="Attempt"/> is our own delivery count (not the broker's x-death).
/// </summary>
public sealed record JobMessage(Guid JobId, string? RequestId, string? TraceParent, int Attempt);
