using System.Diagnostics;
using System.Globalization;

namespace AiMastering.Benchmarks;

/// <summary>Prints each reported stage with the wall-clock time since the start, the process CPU time used so far and the working set then.</summary>
internal sealed class StageLog : IProgress<string>
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly TimeSpan cpu0 = Environment.CpuUsage.TotalTime;

    public void Report(string value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:0.00} s wall {(Environment.CpuUsage.TotalTime - cpu0).TotalSeconds,6:0.00} s cpu {Environment.WorkingSet / 1048576.0,5:0} MB  {value}"));
}
