using System.Globalization;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Encoding;

namespace AiMastering.Benchmarks;

/// <summary>
/// `preview [MASTER.wav] [--repeat N] [--ceiling DBTP]`: the MP3 preview alone (encode, join, decode, true-peak check) from a master
/// in memory, as one segment, one per core and four per core (what the product uses in process; ffmpeg processes get one per core), on an otherwise idle process, with LAME and
/// the decoder in this process and as ffmpeg processes (runs alternating, so both see the same machine).
/// The predicted true peak is the unattenuated preview's, as <see cref="Mp3PeakPredictor"/> estimated it before the first
/// encode (−∞ when the master was proven far enough under the ceiling). CPU time (this process + its finished ffmpeg children, Linux /proc) shows the work apart from the machine's load.
/// Default file: the master the `master` benchmark wrote last.
/// </summary>
public static class PreviewBenchmark
{
    public static int Run(string[] args)
    {
        var file = args.FirstOrDefault(a => a.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
            ?? Path.Combine(Path.GetTempPath(), "aimaster-master-bench", "master.wav");
        var repeat = args.SkipWhile(a => a != "--repeat").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(3);
        var ceiling = args.SkipWhile(a => a != "--ceiling").Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(-1.0);
        var master = AudioDecoder.Decode(file);
        var output = Path.Combine(Path.GetTempPath(), "aimaster-preview-bench.mp3");
        Mp3PreviewEncoder[] encoders = [new(codecs: Mp3Codecs.Ffmpeg), new(codecs: Mp3Codecs.Auto)];
        var parallel = Mp3SegmentPlan.DefaultSegmentCount(master.DurationSeconds, Environment.ProcessorCount);
        var inProcessParts = Mp3SegmentPlan.DefaultSegmentCount(master.DurationSeconds, Environment.ProcessorCount, inProcess: true);
        Console.WriteLine(Invariant($"File: {file} ({master.DurationSeconds:0.0} s, {master.SampleRate} Hz, {master.ChannelCount} ch); {Environment.ProcessorCount} cores; ceiling {ceiling:0.0#} dBTP"));
        Console.WriteLine("| codecs | segments | median s | runs (s) | CPU s per run | of which this process | predicted (dBTP) | true peak (dBTP) | gain (dB) | encodes |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var segments in new[] { 1, parallel, inProcessParts }.Distinct())
        {
            var runs = encoders.Select(_ => new List<(Mp3PreviewResult Result, double Cpu, double Self)>()).ToArray();
            foreach (var encoder in encoders)
            {
                encoder.EncodeAsync(master, output, ceiling, segments, CancellationToken.None).GetAwaiter().GetResult(); // warm-up
            }

            for (var i = 0; i < repeat; i++)
            {
                for (var e = 0; e < encoders.Length; e++)
                {
                    var (cpu0, self0) = (CpuSeconds(), SelfCpuSeconds());
                    var result = encoders[e].EncodeAsync(master, output, ceiling, segments, CancellationToken.None).GetAwaiter().GetResult();
                    runs[e].Add((result, CpuSeconds() - cpu0, SelfCpuSeconds() - self0));
                }
            }

            for (var e = 0; e < encoders.Length; e++)
            {
                var seconds = runs[e].Select(r => r.Result.Seconds).Order().ToList();
                var last = runs[e][^1].Result;
                var codecs = encoders[e].InProcess ? "in process" : "ffmpeg";
                Console.WriteLine(Invariant($"| {codecs} | {last.Segments} | {seconds[seconds.Count / 2]:0.00} | {string.Join(", ", seconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} | {runs[e].Average(r => r.Cpu):0.00} | {runs[e].Average(r => r.Self):0.00} | {last.PredictedTruePeakDbtp:0.00} | {last.TruePeakDbtp:0.00} | {last.GainDb:0.00} | {last.Encodes} |"));
            }
        }

        return 0;
    }

    /// <summary>utime + stime + cutime + cstime of this process from /proc/self/stat (clock ticks of 1/100 s).</summary>
    internal static double CpuSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[11..15].Sum(f => long.Parse(f, CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>utime + stime of this process alone (the engine's side: feeding, metering, waiting).</summary>
    internal static double SelfCpuSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[11..13].Sum(f => long.Parse(f, CultureInfo.InvariantCulture)) / 100.0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
