using System.Diagnostics;
using System.Globalization;
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
        using var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var progress = new StageLog(clock, self, cpu0);
        MasteringEngine.MasterFile(file, Path.Combine(work, "master.wav"), MasteringSettings.Default, jsonDirectory: work, progress: progress);
        progress.Report("done");
        return 0;
    }

    private sealed class StageLog(Stopwatch clock, Process self, TimeSpan cpu0) : IProgress<string>
    {
        public void Report(string value)
        {
            self.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:0.00} s wall {(self.TotalProcessorTime - cpu0).TotalSeconds,6:0.00} s cpu  {value}"));
        }
    }
}
