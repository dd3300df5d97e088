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
        MasteringEngine.MasterFile(file, Path.Combine(work, "master.wav"), MasteringSettings.Default, jsonDirectory: work);
        var progress = new StageLog();
        MasteringEngine.MasterFile(file, Path.Combine(work, "master.wav"), MasteringSettings.Default, jsonDirectory: work, progress: progress);
        progress.Report("done");
        return 0;
    }
}
