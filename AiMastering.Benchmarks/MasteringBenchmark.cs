using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Encoding;
using AiMastering.Engine.Mastering;

namespace AiMastering.Benchmarks;

/// <summary>
/// `master [FILE] [--repeat N] [--minutes M] [--no-peer] [--long-track]`: full mastering (decode, analysis, decision, render, closed-loop
/// verification, WAV writing, and the product's MP3 preview — <see cref="Mp3PreviewEncoder"/>: parallel libmp3lame
/// 320k segments started from the rendered master, joined, decoded and checked for true peak — overlapped with the
/// WAV write; on the long-track path from the written master.wav) side by side with FFmpeg loudnorm two-pass (pass 1
/// measures, pass 2 applies the measured values with linear=true) on the same file (`--no-peer` skips it). Peak memory
/// is measured in a fresh child process (`master-memory FILE`).
/// Default file: a real-music mix (fretsonfire-songs-muldjord stems, looped) of M minutes (5), 48 kHz stereo 24-bit.
/// Tracks over 20 minutes get no JIT warm-up run (a second of JIT is noise there) and take the long-track path;
/// `--long-track` forces that path on any track (to compare it with the in-memory path on the same file).
/// </summary>
public static class MasteringBenchmark
{
    private static readonly Mp3PreviewEncoder Previews = new();

    public static int Run(string[] args)
    {
        var minutes = Option(args, "--minutes", 5);
        var repeat = Option(args, "--repeat", minutes > 20 ? 3 : 5);
        var peer = !args.Contains("--no-peer");
        var longTrack = args.Contains("--long-track");
        var file = args.FirstOrDefault(a => a.EndsWith(".wav", StringComparison.OrdinalIgnoreCase)) ?? CreateTestFile(minutes);
        var probe = AudioDecoder.Probe(file);
        var seconds = probe.DurationSeconds;
        Console.WriteLine(Invariant($"File: {file} ({seconds:0.0} s, {probe.SampleRate} Hz, {probe.Channels} ch); {Environment.ProcessorCount} cores"));
        Console.WriteLine($"Before: {MachineCheck.Measure()}");
        var work = Path.Combine(Path.GetTempPath(), "aimaster-master-bench");
        Directory.CreateDirectory(work);

        var ours = new List<double>();
        var toWav = new List<double>();
        var encode = new List<double>();
        var loudnorm = new List<double>();
        var oursCpu = new List<double>();
        var loudnormCpu = new List<double>();
        MasteringResult? result = null;
        Mp3PreviewResult? preview = null;
        var warmUp = seconds < 20 * 60 ? 1 : 0;
        for (var i = 0; i < repeat + warmUp; i++)
        {
            // Between runs as between jobs in the worker (WorkerService): the last run's buffers are collected, so this run
            // reuses their memory instead of faulting in fresh pages.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
            var cpu = PreviewBenchmark.CpuSeconds();
            var sw = Stopwatch.StartNew();
            var (r, wavAt, mp3) = MasterAndEncodeTimed(file, work, sw, longTrack);
            var cpuUsed = PreviewBenchmark.CpuSeconds() - cpu;
            result = r;
            preview = mp3;
            if (i < warmUp)
            {
                continue; // the first run of a short track is the JIT warm-up
            }

            ours.Add(sw.Elapsed.TotalSeconds);
            oursCpu.Add(cpuUsed);
            toWav.Add(wavAt);
            encode.Add(mp3.Seconds);

            // The peer runs right after each of our runs: this shared machine's speed drifts by tens of percent within
            // minutes, and alternating puts both under the same conditions.
            if (peer)
            {
                cpu = PreviewBenchmark.CpuSeconds();
                sw.Restart();
                LoudnormTwoPass(file, Path.Combine(work, "loudnorm.wav"));
                loudnorm.Add(sw.Elapsed.TotalSeconds);
                loudnormCpu.Add(PreviewBenchmark.CpuSeconds() - cpu);
            }
        }

        var (memory, stages) = RunMemoryChild(file, longTrack);
        var oursMedian = Median(ours);
        var theirs = peer ? Median(loudnorm) : double.NaN;
        var ratios = loudnorm.Zip(ours, (l, o) => l / o).ToList(); // run by run: each loudnorm run against the run before it
        var table = new List<string>
        {
            "| measure | value |",
            "|---|---:|",
            Invariant($"| track | {seconds / 60:0.0} min, {probe.SampleRate} Hz, {probe.Channels} ch |"),
            Invariant($"| path | {(result!.Master is null ? "long-track (spill files; preview from master.wav)" : "in memory")} |"),
            Invariant($"| ours: full mastering + MP3 (median of {ours.Count}) | {oursMedian:0.00} s |"),
            Invariant($"| ours: × realtime | {seconds / oursMedian:0}× |"),
            Invariant($"| ours: CPU per run, all threads and child processes (median) | {Median(oursCpu):0.00} s on {Environment.ProcessorCount} cores |"),
            Invariant($"| ours: decode → master.wav written (before verification and MP3) | {Median(toWav):0.00} s ({seconds / Median(toWav):0}×) |"),
            Invariant($"| MP3 preview: {preview!.Segments} parallel LAME 320k parts + decode + true-peak check, {(Previews.InProcess ? "in process (libmp3lame, libmpg123)" : "ffmpeg processes")} (from the rendered master, overlapped with the WAV write; long-track: from master.wav) | {Median(encode):0.00} s |"),
            Invariant($"| preview true peak / attenuation / encodes | {preview.TruePeakDbtp:0.00} dBTP / {preview.GainDb:0.00} dB / {preview.Encodes} |"),
            peer ? Invariant($"| ffmpeg loudnorm two-pass (median of {loudnorm.Count}, each right after one of ours) | {theirs:0.00} s |") : "| ffmpeg loudnorm two-pass | not run (--no-peer) |",
            peer ? Invariant($"| ffmpeg loudnorm two-pass: CPU per run (median) | {Median(loudnormCpu):0.00} s |") : "| ffmpeg loudnorm two-pass: CPU | — |",
            peer ? Invariant($"| **speed ratio loudnorm / ours** (medians; run by run {ratios.Min():0.0}–{ratios.Max():0.0}×) | **{theirs / oursMedian:0.0}×** |") : "| speed ratio loudnorm / ours | — |",
            Invariant($"| renders in the closed loop | {result.Report.Iterations.Count} |"),
            Invariant($"| master: integrated / true peak | {result.After.Loudness.IntegratedLufs:0.00} LUFS / {result.After.Loudness.TruePeakDbtp:0.00} dBTP |"),
            Invariant($"| peak working set (fresh process, whole run) | {memory} |"),
        };
        Console.WriteLine();
        foreach (var line in table)
        {
            Console.WriteLine(line);
        }

        Console.WriteLine();
        Console.WriteLine($"After: {MachineCheck.Measure()}");

        if (stages.Length > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Stages of the memory run (AIMASTER_BENCH_STAGES):");
            Console.WriteLine(stages);
        }

        return 0;
    }

    /// <summary>Child-process mode: peak working set of one full mastering run of FILE, in MB (the last line printed).</summary>
    public static int MeasureMemory(string file, bool longTrack)
    {
        var work = Path.Combine(Path.GetTempPath(), "aimaster-master-bench-mem");
        Directory.CreateDirectory(work);
        MasterAndEncode(file, work, longTrack);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(Invariant($"{self.PeakWorkingSet64 / 1048576.0:0} MB"));
        return 0;
    }

    private static (MasteringResult Result, double WavWrittenSeconds, Mp3PreviewResult Preview) MasterAndEncodeTimed(string file, string work, Stopwatch clock, bool longTrack)
    {
        double wavAt = 0;
        var (result, preview) = MasterAndPreview(file, work, null, longTrack, () => wavAt = clock.Elapsed.TotalSeconds);
        return (result, wavAt, preview);
    }

    /// <summary>One run as the worker does it, with the engine's progress and a call when master.wav is written.</summary>
    internal static void MasterOnce(string file, IProgress<string>? progress, Action? onMasterWritten)
    {
        var work = Path.Combine(Path.GetTempPath(), "aimaster-master-bench");
        Directory.CreateDirectory(work);
        MasterAndPreview(file, work, progress, longTrack: false, onMasterWritten ?? (() => { }));
    }

    private static MasteringResult MasterAndEncode(string file, string work, bool longTrack)
    {
        var clock = Stopwatch.StartNew();
        var progress = Environment.GetEnvironmentVariable("AIMASTER_BENCH_STAGES") is null ? null : new Progress(clock);
        return MasterAndPreview(file, work, progress, longTrack, () => { }).Result;
    }

    /// <summary>
    /// As the worker does: the preview starts from the rendered master while the engine writes master.wav, or, on the
    /// long-track path (no master in memory), from master.wav once it is written.
    /// </summary>
    private static (MasteringResult Result, Mp3PreviewResult Preview) MasterAndPreview(string file, string work, IProgress<string>? progress, bool longTrack, Action onMasterWritten)
    {
        var mp3 = Path.Combine(work, "preview.mp3");
        var ceiling = MasteringSettings.Default.Target.TruePeakDbtp;
        Task<Mp3PreviewResult>? preview = null;
        var result = MasteringEngine.Master(new MasteringRequest
        {
            InputPath = file,
            OutputWavPath = Path.Combine(work, "master.wav"),
            JsonDirectory = work,
            Progress = progress is null ? null : new StageChanges(progress),
            Observer = new MasteringCallbacks(
                (master, _) => preview = Task.Run(() => Previews.EncodeAsync(master, mp3, ceiling)),
                path =>
                {
                    onMasterWritten();
                    preview ??= Task.Run(() => Previews.EncodeAsync(path, mp3, ceiling));
                }),
            LongTrackBytes = longTrack ? 0 : MasteringEngine.LongTrackBytes,
        });
        return (result, preview!.GetAwaiter().GetResult());
    }

    private static void LoudnormTwoPass(string file, string output)
    {
        var pass1 = Run("ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-i", file, "-af", "loudnorm=I=-14:TP=-1:LRA=11:print_format=json", "-f", "null", "-");
        var json = pass1[pass1.LastIndexOf('{')..(pass1.LastIndexOf('}') + 1)];
        using var measured = JsonDocument.Parse(json);
        string Get(string name) => measured.RootElement.GetProperty(name).GetString()!;
        var filter = $"loudnorm=I=-14:TP=-1:LRA=11:measured_I={Get("input_i")}:measured_TP={Get("input_tp")}:measured_LRA={Get("input_lra")}:measured_thresh={Get("input_thresh")}:offset={Get("target_offset")}:linear=true";
        Run("ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-y", "-i", file, "-af", filter, "-ar", "48000", "-c:a", "pcm_s24le", output);
    }

    private static string CreateTestFile(int minutes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"aimaster-bench-music-{minutes}min-48k.wav");
        if (File.Exists(path))
        {
            return path;
        }

        var songs = FindSongs() ?? throw new InvalidOperationException("Run scripts/fetch-test-music.sh first (or pass a WAV file).");
        Run("ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y",
            "-stream_loop", "-1", "-i", Path.Combine(songs, "chaos_god", "song.ogg"),
            "-stream_loop", "-1", "-i", Path.Combine(songs, "chaos_god", "guitar.ogg"),
            "-filter_complex", Invariant($"[0:a][1:a]amix=inputs=2:duration=longest:normalize=0,atrim=0:{minutes * 60},volume=-12dB,aresample=48000"),
            "-ac", "2", "-c:a", "pcm_s24le", path);
        return path;
    }

    private static string? FindSongs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var songs = Path.Combine(dir.FullName, ".test-data", "music", "usr", "share", "games", "fretsonfire", "data", "songs", "muldjord");
            if (Directory.Exists(songs))
            {
                return songs;
            }
        }

        return null;
    }

    private static (string Memory, string Stages) RunMemoryChild(string file, bool longTrack)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(MasteringBenchmark).Assembly.Location);
        }

        start.ArgumentList.Add("master-memory");
        start.ArgumentList.Add(file);
        if (longTrack)
        {
            start.ArgumentList.Add("--long-track");
        }

        using var process = Process.Start(start)!;
        var lines = process.StandardOutput.ReadToEnd().TrimEnd().Split('\n');
        process.WaitForExit();
        return (lines[^1].Trim(), string.Join('\n', lines[..^1]));
    }

    private static Process Start(string exe, params string[] args)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }

    private static string Run(string exe, params string[] args)
    {
        using var process = Start(exe, args);
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{exe} failed: {error[^Math.Min(400, error.Length)..]}");
        }

        return error;
    }

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);

    private static double Median(List<double> values) => values.Order().ToList()[values.Count / 2];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Each stage's start, with the working set, the managed heap and the managed bytes allocated so far (MB).
    private sealed class Progress(Stopwatch clock) : IProgress<string>
    {
        public void Report(string value)
        {
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(Invariant($"  {clock.Elapsed.TotalSeconds,6:0.00} s  {self.WorkingSet64 / 1048576.0,5:0} MB ws  {GC.GetTotalMemory(false) / 1048576.0,5:0} MB heap  {GC.GetTotalAllocatedBytes() / 1048576.0,5:0} MB allocated  {value}"));
        }
    }
}
