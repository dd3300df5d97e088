using System.Diagnostics;
using System.Globalization;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Encoding;
using AiMastering.Engine.Evaluation;
using AiMastering.Engine.Matching;
using AiMastering.Engine.Processing;

namespace AiMastering.Benchmarks;

/// <summary>
/// Reference matching on real music (fretsonfire-songs-muldjord stems mixed by ffmpeg and given different
/// characters): per pair, in a fresh child process, the time of reference decode + measure, source
/// analysis + curves, the FIR render alone and the minimal closed loop (match EQ → gain → true-peak
/// limiter), the peak working set, the independent 1/3-octave mid distance before/after and FFmpeg's
/// true peak of the master. `dotnet run -c Release --project AiMastering.Benchmarks -- reference`.
/// </summary>
public static class ReferenceBenchmark
{
    private const string DarkQuiet = "treble=g=-9:f=2500,bass=g=3:f=120,volume=-16dB";
    private const string LoudBright = "treble=g=5:f=4000,bass=g=-2:f=100,volume=-3dB";
    private const string ThinHarsh = "bass=g=-8:f=200,equalizer=f=3000:t=o:w=1.5:g=4,volume=-10dB";
    private const string Plain = "volume=-4dB";

    public static int Run(string[] args)
    {
        var root = Root();
        var songs = Path.Combine(root, ".test-data", "music", "usr", "share", "games", "fretsonfire", "data", "songs", "muldjord");
        if (!Directory.Exists(songs))
        {
            Console.Error.WriteLine($"Test music missing ({songs}); run scripts/fetch-test-music.sh first.");
            return 1;
        }

        var work = Path.Combine(Path.GetTempPath(), "aimaster-reference-bench");
        Directory.CreateDirectory(work);
        var pairs = new (string Name, string Source, string Reference)[]
        {
            ("5-min: chaos_god dark/quiet 44.1k → armygeddon loud/bright 48k",
                Mix(songs, work, "chaos_god", DarkQuiet, 44100, 300), Mix(songs, work, "armygeddon", LoudBright, 48000, 300)),
            ("mutilated_mime dark/quiet → internal_degeneration plain",
                Mix(songs, work, "mutilated_mime", DarkQuiet, 44100), Mix(songs, work, "internal_degeneration", Plain, 44100)),
            ("internal_degeneration thin/harsh → chaos_god plain",
                Mix(songs, work, "internal_degeneration", ThinHarsh, 44100), Mix(songs, work, "chaos_god", Plain, 44100)),
            ("armygeddon dark/quiet 44.1k → mutilated_mime loud/bright 48k",
                Mix(songs, work, "armygeddon", DarkQuiet, 44100), Mix(songs, work, "mutilated_mime", LoudBright, 48000)),
            ("mutilated_mime thin/harsh 48k → armygeddon plain 44.1k",
                Mix(songs, work, "mutilated_mime", ThinHarsh, 48000), Mix(songs, work, "armygeddon", Plain, 44100)),
        };

        Console.WriteLine($"{Environment.ProcessorCount} cores; each pair in a fresh process (times include JIT).");
        Console.WriteLine();
        Console.WriteLine("| pair | length (s) | distance before (dB) | after (dB) | closer | ffmpeg TP (dBTP) | ceiling | ffmpeg I (LUFS) | target | match: ref decode+measure (s) | match: source analysis + curves (s) | match: FIR render (s) | **match total (s)** | closed loop (s) | passes | peak working set (MB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, source, reference) in pairs)
        {
            Console.WriteLine($"| {name} {RunChild(source, reference)}");
        }

        return 0;
    }

    /// <summary>Child-process mode: one pair, one table row (after the pair's name).</summary>
    public static int RunPair(string sourcePath, string referencePath)
    {
        using var self = Process.GetCurrentProcess();
        GC.Collect();
        self.Refresh();
        var baseline = self.WorkingSet64;

        var source = AudioDecoder.Decode(sourcePath);
        var clock = Stopwatch.StartNew();
        var profile = ReferenceProfile.Load(referencePath);
        var referenceSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var match = ReferenceMatcher.Match(source, profile);
        var curveSeconds = clock.Elapsed.TotalSeconds;
        GC.Collect();
        clock.Restart();
        var result = ReferenceMastering.Master(source, match);
        var loopSeconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var peak = self.PeakWorkingSet64 - baseline;

        var master = result.Master;
        var masterFile = Path.Combine(Path.GetTempPath(), $"aimaster-reference-master-{Environment.ProcessId}.wav");
        WavWriter.Write(masterFile, master, WavWriter.FloatBitDepth);
        var (ffmpegLufs, ffmpegPeak) = FfmpegMeasure(masterFile);
        File.Delete(masterFile);
        var reference = AudioDecoder.Decode(referencePath);
        var before = TonalDistance.MidRmsDb(source, reference);
        var after = TonalDistance.MidRmsDb(master, reference);
        reference = null;

        // FIR render alone, timed after the memory peak was read (it overwrites the master).
        clock.Restart();
        new ProcessorChain(source.SampleRate, source.ChannelCount, match.CreateProcessors(source.SampleRate, source.ChannelCount)).RenderInPlace(master);
        var firSeconds = clock.Elapsed.TotalSeconds;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {source.DurationSeconds:0} | {before:0.00} | {after:0.00} | {100 * (1 - (after / before)):0.0} % | {ffmpegPeak:0.0} | {match.CeilingDbtp:0.0} | {ffmpegLufs:0.0} | {match.TargetLufs:0.0} | {referenceSeconds:0.00} | {curveSeconds:0.00} | {firSeconds:0.00} | **{referenceSeconds + curveSeconds + firSeconds:0.00}** | {loopSeconds:0.00} | {result.Passes} | {peak / 1048576.0:0} |"));
        return 0;
    }

    private static string Mix(string songs, string work, string song, string filter, int rate, double seconds = 0)
    {
        var path = Path.Combine(work, $"{song}-{Math.Abs(filter.GetHashCode(StringComparison.Ordinal)):x}-{rate}-{seconds}.wav");
        if (File.Exists(path))
        {
            return path;
        }

        var loop = seconds > 0 ? $",aloop=loop=-1:size=2147483647,atrim=0:{seconds.ToString(CultureInfo.InvariantCulture)}" : "";
        Ffmpeg("-nostdin", "-hide_banner", "-v", "error", "-y",
            "-i", Path.Combine(songs, song, "song.ogg"), "-i", Path.Combine(songs, song, "guitar.ogg"),
            "-filter_complex", $"[0:a][1:a]amix=inputs=2:duration=shortest:normalize=0,{filter}{loop},aresample={rate}:resampler=soxr",
            "-c:a", "pcm_f32le", path);
        return path;
    }

    private static (double Lufs, double Peak) FfmpegMeasure(string file)
    {
        var output = Ffmpeg("-nostdin", "-hide_banner", "-nostats", "-i", file, "-af", "ebur128=peak=true", "-f", "null", "-");
        var summary = output[output.LastIndexOf("Summary:", StringComparison.Ordinal)..];
        static double After(string text, string label, string unit)
        {
            var start = text.IndexOf(label, StringComparison.Ordinal) + label.Length;
            var end = text.IndexOf(unit, start, StringComparison.Ordinal);
            return double.Parse(text[start..end].Trim(), CultureInfo.InvariantCulture);
        }

        return (After(summary, "I:", "LUFS"), After(summary, "Peak:", "dBFS"));
    }

    private static string Ffmpeg(params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg failed: " + error);
        }

        return error;
    }

    private static string RunChild(string source, string reference)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ReferenceBenchmark).Assembly.Location);
        }

        start.ArgumentList.Add("reference-pair");
        start.ArgumentList.Add(source);
        start.ArgumentList.Add(reference);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Trim();
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiMastering.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}
