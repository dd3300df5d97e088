using AiMastering.Jobs.Model;

namespace AiMastering.Jobs.Processing;

/// <summary>Reports where a job is (stage, fraction, time left), shown to the musician.</summary>
public interface IJobProgress
{
    Task ReportAsync(JobProgress progress, CancellationToken cancellationToken);
}
