namespace AiMastering.Tests.Infrastructure;

/// <summary>The real clock moved forward by <see cref="Offset"/> (to reach lease and republish deadlines at once).</summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
