namespace AiMastering.Jobs.Processing;

/// <summary>Reports the stage a job is in ("decoding", "analyzing", …), shown to the musician.</summary>
public interface IJobProgress
{
    Task ReportStageAsync(string stage, CancellationToken cancellationToken);
}
