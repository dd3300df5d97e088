namespace AiMastering.Benchmarks;

/// <summary>
/// `reference-stages SRC REF`: one warm-up run of the reference master, then one run printing each stage's wall-clock
/// start and the process CPU time used so far.
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
            ReferencePairRun.Master(source, reference, master, work);
            Console.WriteLine(FormattableString.Invariant($"load {ReferencePairRun.LoadAverage():0.00}"));
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
