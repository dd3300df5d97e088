using AiMastering.Engine.Mastering;

namespace AiMastering.Benchmarks;

/// <summary>
/// `master-stages FILE`: one warm-up run, then one run printing each stage's wall-clock start and the process CPU
/// time used so far, to show where the time of a full mastering run goes.
/// </summary>
public static class MasteringStages
{
    public static int Run(string file)
    {
        var work = Path.Combine(Path.GetTempPath(), "aimaster-master-stages");
        Directory.CreateDirectory(work);
        MasteringEngine.Master(new MasteringRequest { InputPath = file, OutputWavPath = Path.Combine(work, "master.wav"), JsonDirectory = work });
        var progress = new StageLog();
        MasteringEngine.Master(new MasteringRequest { InputPath = file, OutputWavPath = Path.Combine(work, "master.wav"), JsonDirectory = work, Progress = new StageChanges(progress) });
        progress.Report("done");
        return 0;
    }
}
