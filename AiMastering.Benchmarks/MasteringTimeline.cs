using System.Diagnostics;
using System.Globalization;

namespace AiMastering.Benchmarks;

/// <summary>
/// `master-timeline FILE`: one full mastering run (after a warm-up run) with this process's CPU use (all threads and
/// child processes, /proc/self/stat) sampled every 10 ms, printed per 100 ms as cores busy next to the engine's
/// stages: where the 2 cores wait on one another.
/// </summary>
public static class MasteringTimeline
{
    public static int Run(string file)
    {
        MasteringBenchmark.MasterOnce(file, null, null);
        var clock = new Stopwatch();
        var marks = new List<(double At, string What)>();
        var samples = new List<(double At, double Cpu)>();
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                lock (samples)
                {
                    samples.Add((clock.Elapsed.TotalSeconds, PreviewBenchmark.CpuSeconds()));
                }

                Thread.Sleep(10);
            }
        })
        { IsBackground = true };
        var progress = new Mark(clock, marks);
        clock.Start();
        sampler.Start();
        MasteringBenchmark.MasterOnce(file, progress, () => progress.Report("master.wav written"));
        progress.Report("preview done");
        stop.Cancel();
        sampler.Join();

        var total = clock.Elapsed.TotalSeconds;
        Console.WriteLine(Invariant($"{total:0.00} s wall, {samples[^1].Cpu - samples[0].Cpu:0.00} CPU-s"));
        for (var t = 0.0; t < total; t += 0.1)
        {
            var from = samples.LastOrDefault(s => s.At <= t, samples[0]);
            var until = samples.FirstOrDefault(s => s.At >= t + 0.1, samples[^1]);
            var busy = until.At > from.At ? (until.Cpu - from.Cpu) / (until.At - from.At) : 0;
            var events = string.Join("; ", marks.Where(m => m.At >= t && m.At < t + 0.1).Select(m => Invariant($"{m.At:0.00} {m.What}")));
            Console.WriteLine(Invariant($"{t,5:0.0} {new string('#', (int)Math.Round(busy * 10)),-20} {busy:0.0}  {events}"));
        }

        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Mark(Stopwatch clock, List<(double At, string What)> marks) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (marks)
            {
                marks.Add((clock.Elapsed.TotalSeconds, value));
            }
        }
    }
}
