namespace AiMastering.Jobs.Model;

/// <summary>The life of a job. Stored as lower-case strings.</summary>
public enum JobStatus
{
    Queued,
    Processing,
    Done,
    Failed,
}
