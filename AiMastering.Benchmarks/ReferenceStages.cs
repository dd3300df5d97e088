namespace AiMastering.Benchmarks;

/// <summary>
/// `reference-stages SRC REF`: two runs of the reference master printing each stage's wall-clock start, the process CPU
/// time used so far and the working set: the first (with JIT, in a fresh process: how memory grows) and a warm one.
/// </summary>
public static class ReferenceStages
{
    public static int Run(string source, string reference)
    {
        var work = Path.Combine(Path.GetTempPath(), $"aimaster-reference-stages-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            var master = Path.Combine(work, "master.wav");
            Console.WriteLine(FormattableString.Invariant($"first run (JIT; the working set is this fresh process's), load {ReferencePairRun.LoadAverage():0.00}"));
            var first = new StageLog();
            ReferencePairRun.Master(source, reference, master, work, first);
            first.Report("done");
            Console.WriteLine(FormattableString.Invariant($"warm run, load {ReferencePairRun.LoadAverage():0.00}"));
            var progress = new StageLog();
            ReferencePairRun.Master(source, reference, master, work, progress);
            progress.Report("done");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
