namespace AiMastering.Jobs.Queue;

public sealed class StorePollingOptions
{
    /// <summary>How long an idle worker waits before looking for queued jobs again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
