using System.Diagnostics;
using System.Globalization;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Encoding;
using AiMastering.Engine.Mastering;
using AiMastering.Testing;

namespace AiMastering.Benchmarks;

/// <summary>
/// Child-process mode `reference-pair SRC REF [--repeat N]` of <see cref="ReferenceBenchmark"/>: one table row (after the
/// pair's name). Times and memory first, then the quality measures, which are not timed.
/// </summary>
public static class ReferencePairRun
{
    private static readonly Mp3PreviewEncoder Previews = new();

    public const string Header =
        "| pair | length (s) | distance before (dB) | after (dB) | closer | ffmpeg TP (dBTP) | ceiling | ffmpeg I (LUFS) | target | renders | first run (s) | **warm run (s)** | × realtime | peak working set (MB) | load (1 min) |\n" +
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public static int Run(string sourcePath, string referencePath, int repeat)
    {
        var work = Path.Combine(Path.GetTempPath(), $"aimaster-reference-pair-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        var masterPath = Path.Combine(work, "master.wav");
        try
        {
            var loadBefore = LoadAverage();
            var clock = Stopwatch.StartNew();
            var result = Master(sourcePath, referencePath, masterPath, work);
            var firstSeconds = clock.Elapsed.TotalSeconds;
            using (var self = Process.GetCurrentProcess())
            {
                self.Refresh();
                var peakMb = self.PeakWorkingSet64 / 1048576.0;
                var warm = new List<double>();
                for (var i = 0; i < repeat; i++)
                {
                    result = null;
                    GC.Collect();
                    clock.Restart();
                    result = Master(sourcePath, referencePath, masterPath, work);
                    warm.Add(clock.Elapsed.TotalSeconds);
                }

                var loadAfter = LoadAverage();
                var warmSeconds = warm.Count == 0 ? firstSeconds : warm.Order().ElementAt(warm.Count / 2);
                var target = result.Decision.Target;
                var renders = result.Report.Iterations.Count;
                result = null;
                var ffmpeg = FfmpegLoudness.Measure(masterPath);
                var source = AudioDecoder.Decode(sourcePath);
                var reference = AudioDecoder.Decode(referencePath);
                var before = TonalDistance.MidRmsDb(source, reference);
                var after = TonalDistance.MidRmsDb(AudioDecoder.Decode(masterPath), reference);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {source.DurationSeconds:0} | {before:0.00} | {after:0.00} | {100 * (1 - (after / before)):0.0} % | {ffmpeg.TruePeakDbtp:0.0} | {target.TruePeakDbtp:0.0} | {ffmpeg.IntegratedLufs:0.0} | {target.Lufs:0.0} | {renders} | {firstSeconds:0.00} | **{warmSeconds:0.00}** | {source.DurationSeconds / warmSeconds:0}× | {peakMb:0} | {loadBefore:0.0}–{loadAfter:0.0} |"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// The product's path with the defaults a job without options gets, as the worker runs it: the MP3 preview starts
    /// from the rendered master (at the match's ceiling) while master.wav is written, and is waited for.
    /// </summary>
    internal static MasteringResult Master(string sourcePath, string referencePath, string masterPath, string jsonDirectory, IProgress<string>? progress = null)
    {
        Task<Mp3PreviewResult>? preview = null;
        var result = MasteringEngine.Master(new MasteringRequest
        {
            InputPath = sourcePath,
            OutputWavPath = masterPath,
            Reference = new ReferenceRequest(referencePath),
            JsonDirectory = jsonDirectory,
            Progress = progress is null ? null : new StageChanges(progress),
            Observer = new MasteringCallbacks((master, ceilingDbtp) => preview = Task.Run(() => Previews.EncodeAsync(master, Path.Combine(jsonDirectory, "preview.mp3"), ceilingDbtp))),
        });
        (preview ?? throw new InvalidOperationException("The engine did not render the master.")).GetAwaiter().GetResult();
        progress?.Report("preview.mp3 done");
        return result;
    }

    internal static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
