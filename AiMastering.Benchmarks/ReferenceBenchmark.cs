using System.Diagnostics;

namespace AiMastering.Benchmarks;

/// <summary>
/// `reference [--repeat N]`: whole reference masters of real music through the product's path
/// (<see cref="Engine.Mastering.MasteringEngine.Master(Engine.Mastering.MasteringRequest, System.Threading.CancellationToken)"/> with a reference, as the worker and <c>aimaster master --reference</c> call
/// it: reference decode + measure, mix decode + analysis, match, mastering chain, closed loop, master.wav, the MP3
/// preview started from the rendered master as the worker does, the JSON documents), one fresh child process per pair
/// (<see cref="ReferencePairRun"/>, server GC like the worker): the first run (with JIT start-up) and its peak working
/// set, then the median of N warm runs, the independent tonal distance to the reference and
/// FFmpeg's loudness and true peak of master.wav. `reference-stages SRC REF` shows where the time goes.
/// </summary>
public static class ReferenceBenchmark
{
    public static int Run(string[] args)
    {
        var repeat = args.SkipWhile(a => a != "--repeat").Skip(1).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault(3);
        var songs = FindSongs();
        if (songs is null)
        {
            Console.Error.WriteLine("Test music missing; run scripts/fetch-test-music.sh first.");
            return 1;
        }

        Console.WriteLine($"{Environment.ProcessorCount} cores; each pair in a fresh process; warm = median of {repeat} runs after the first.");
        Console.WriteLine($"Before: {MachineCheck.Measure()}");
        Console.WriteLine();
        Console.WriteLine(ReferencePairRun.Header);
        foreach (var (name, source, reference) in ReferencePairs.Create(songs))
        {
            Console.WriteLine($"| {name} {RunChild(source, reference, repeat)}");
        }

        Console.WriteLine();
        Console.WriteLine($"After: {MachineCheck.Measure()}");

        return 0;
    }

    private static string RunChild(string source, string reference, int repeat)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };

        // The worker is an ASP.NET Core host, which runs the server GC: the child measures memory the way it runs.
        start.Environment["DOTNET_gcServer"] = "1";
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ReferenceBenchmark).Assembly.Location);
        }

        foreach (var a in new[] { "reference-pair", source, reference, "--repeat", repeat.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Trim();
    }

    // The test music of the repository around the working directory or the binary.
    private static string? FindSongs()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var songs = Path.Combine(dir.FullName, ".test-data", "music", "usr", "share", "games", "fretsonfire", "data", "songs", "muldjord");
                if (Directory.Exists(songs))
                {
                    return songs;
                }
            }
        }

        return null;
    }
}
