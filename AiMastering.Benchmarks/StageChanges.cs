using AiMastering.Engine.Mastering;

namespace AiMastering.Benchmarks;

/// <summary>Passes the engine's progress on as the name of each stage when it starts (the benchmarks log stage starts).</summary>
internal sealed class StageChanges(IProgress<string> log) : IProgress<MasteringProgress>
{
    private readonly Lock gate = new();
    private MasteringStage? last;

    public void Report(MasteringProgress value)
    {
        lock (gate)
        {
            if (value.Stage == last)
            {
                return;
            }

            last = value.Stage;
        }

        log.Report(value.Stage.ToString());
    }
}
