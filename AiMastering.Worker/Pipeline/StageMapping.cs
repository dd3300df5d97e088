using AiMastering.Engine.Mastering;
using AiMastering.Jobs.Model;

namespace AiMastering.Worker.Pipeline;

/// <summary>The job stage code (<see cref="JobStages"/>) for each engine stage.</summary>
internal static class StageMapping
{
    public static string ToJobStage(MasteringStage stage) => stage switch
    {
        MasteringStage.Decoding => JobStages.Decoding,
        MasteringStage.Analyzing => JobStages.Analyzing,
        MasteringStage.MatchingReference => JobStages.MatchingReference,
        MasteringStage.Deciding => JobStages.Deciding,
        MasteringStage.Rendering => JobStages.Rendering,
        MasteringStage.Limiting => JobStages.Limiting,
        MasteringStage.Verifying => JobStages.Verifying,
        MasteringStage.Writing => JobStages.Writing,
        MasteringStage.Reporting => JobStages.Reporting,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "An engine stage without a job stage."),
    };
}
