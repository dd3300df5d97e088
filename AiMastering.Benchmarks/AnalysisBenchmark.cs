using System.Diagnostics;
using System.Globalization;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using NAudio.Wave;

namespace AiMastering.Benchmarks;

/// <summary>
/// Side-by-side: our decode + full analysis versus `ffmpeg -af ebur128=peak=true -f null -` on the same
/// 5-minute 48 kHz stereo WAV, several repetitions each, medians compared. Memory is measured in a fresh
/// child process (peak working set above the baseline before decoding, and managed allocations).
/// </summary>
public static class AnalysisBenchmark
{
    public static int Run(string[] args)
    {
        var repeat = args.SkipWhile(a => a != "--repeat").Skip(1).Select(int.Parse).FirstOrDefault(5);
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _))
                   ?? CreateTestFile();
        var probe = AudioDecoder.Probe(file);
        Console.WriteLine(Invariant($"File: {file} ({probe.DurationSeconds:0.0} s, {probe.SampleRate} Hz, {probe.Channels} ch, {probe.Encoding}); {Environment.ProcessorCount} cores"));

        // Warm-up (JIT) once, then timed repetitions.
        _ = Analyzer.Analyze(AudioDecoder.Decode(file));
        var decode = new List<double>();
        var analyze = new List<double>();
        AudioAnalysis? last = null;
        for (var i = 0; i < repeat; i++)
        {
            var sw = Stopwatch.StartNew();
            var audio = AudioDecoder.Decode(file);
            decode.Add(sw.Elapsed.TotalSeconds);
            sw.Restart();
            last = Analyzer.Analyze(audio);
            analyze.Add(sw.Elapsed.TotalSeconds);
        }

        var ffmpeg = new List<double>();
        string summary = "";
        for (var i = 0; i < Math.Max(3, repeat / 2); i++)
        {
            var sw = Stopwatch.StartNew();
            summary = RunFfmpeg(file);
            ffmpeg.Add(sw.Elapsed.TotalSeconds);
        }

        var memory = RunMemoryChild(file);
        var ours = Median(decode.Zip(analyze, (d, a) => d + a).ToList());
        var theirs = Median(ffmpeg);
        Console.WriteLine();
        Console.WriteLine("| measure | median (s) | runs |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(Invariant($"| ours: decode (NAudio) | {Median(decode):0.000} | {repeat} |"));
        Console.WriteLine(Invariant($"| ours: full analysis | {Median(analyze):0.000} | {repeat} |"));
        Console.WriteLine(Invariant($"| ours: decode + analysis | {ours:0.000} | {repeat} |"));
        Console.WriteLine(Invariant($"| ffmpeg ebur128=peak=true (decode + I/LRA/TP) | {theirs:0.000} | {ffmpeg.Count} |"));
        Console.WriteLine(Invariant($"| **speed ratio ffmpeg / ours (decode + analysis)** | **{theirs / ours:0.0}x** | |"));
        Console.WriteLine(Invariant($"| speed ratio ffmpeg / ours (analysis only) | {theirs / Median(analyze):0.0}x | |"));
        Console.WriteLine();
        Console.WriteLine(memory);
        Console.WriteLine();
        Console.WriteLine(Invariant($"Agreement: ours I={last!.Loudness.IntegratedLufs} LUFS, LRA={last.Loudness.RangeLu} LU, TP={last.Loudness.TruePeakDbtp} dBTP; ffmpeg {summary}"));
        return 0;
    }

    /// <summary>Child-process mode: peak memory of decode + analysis from a clean start.</summary>
    public static int MeasureMemory(string file)
    {
        using var self = Process.GetCurrentProcess();
        GC.Collect();
        self.Refresh();
        var baseline = self.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var audio = AudioDecoder.Decode(file);
        var decodedBytes = (long)audio.ChannelCount * audio.Length * sizeof(float);
        var allocatedAfterDecode = GC.GetTotalAllocatedBytes(precise: true);
        _ = Analyzer.Analyze(audio);
        var analysisAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedAfterDecode;
        self.Refresh();
        var peakDelta = self.PeakWorkingSet64 - baseline;
        var heapPeak = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
        GC.KeepAlive(audio);
        Console.WriteLine("| memory | MB | x decoded |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(Invariant($"| decoded float audio | {Mb(decodedBytes)} | 1.00 |"));
        Console.WriteLine(Invariant($"| peak working set above start (decode + analysis) | {Mb(peakDelta)} | {peakDelta / (double)decodedBytes:0.00} |"));
        Console.WriteLine(Invariant($"| managed bytes allocated by decode | {Mb(allocatedAfterDecode - allocatedBefore)} | {(allocatedAfterDecode - allocatedBefore) / (double)decodedBytes:0.00} |"));
        Console.WriteLine(Invariant($"| managed bytes allocated by analysis | {Mb(analysisAllocated)} | {analysisAllocated / (double)decodedBytes:0.00} |"));
        Console.WriteLine(Invariant($"| GC heap size after analysis | {Mb(heapPeak)} | {heapPeak / (double)decodedBytes:0.00} |"));
        return 0;
    }

    private static string RunMemoryChild(string file)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        var assembly = typeof(AnalysisBenchmark).Assembly.Location;
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(assembly);
        }

        start.ArgumentList.Add("analysis-memory");
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.TrimEnd();
    }

    private static string RunFfmpeg(string file)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-nostdin", "-hide_banner", "-nostats", "-i", file, "-af", "ebur128=peak=true", "-f", "null", "-" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        var summary = error[error.LastIndexOf("Summary:", StringComparison.Ordinal)..];
        return string.Join(", ", summary.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("I:", StringComparison.Ordinal) || l.StartsWith("LRA:", StringComparison.Ordinal) || l.StartsWith("Peak:", StringComparison.Ordinal)));
    }

    // 5 minutes, 48 kHz stereo, 32-bit float: pink-ish noise with a 120 BPM envelope, bass and a lead, -14 LUFS-ish.
    private static string CreateTestFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "aimaster-bench-5min-48k.wav");
        if (File.Exists(path))
        {
            return path;
        }

        const int rate = 48000;
        var length = rate * 300;
        var random = new Random(1);
        using var writer = new WaveFileWriter(path, WaveFormat.CreateIeeeFloatWaveFormat(rate, 2));
        var block = new float[2 * 4800];
        double b0 = 0, b1 = 0, b2 = 0;
        for (var start = 0; start < length; start += 4800)
        {
            for (var i = 0; i < 4800; i++)
            {
                var n = start + i;
                var t = n / (double)rate;
                var white = (2 * random.NextDouble()) - 1;
                b0 = (0.99765 * b0) + (white * 0.0990460);
                b1 = (0.96300 * b1) + (white * 0.2965164);
                b2 = (0.57000 * b2) + (white * 1.0526913);
                var pink = (b0 + b1 + b2 + (white * 0.1848)) * 0.05;
                var beat = Math.Exp(-(t % 0.5) / 0.08);
                var bass = 0.3 * Math.Sin(2 * Math.PI * 55 * t) * (0.5 + (0.5 * beat));
                var lead = 0.15 * Math.Sin(2 * Math.PI * (440 + (110 * Math.Floor(t % 4))) * t);
                block[2 * i] = (float)(pink + bass + lead);
                block[(2 * i) + 1] = (float)((0.8 * pink) + bass + (0.6 * lead) + (0.02 * white));
            }

            writer.WriteSamples(block, 0, block.Length);
        }

        return path;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
