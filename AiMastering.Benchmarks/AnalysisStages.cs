using System.Diagnostics;
using System.Globalization;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;

namespace AiMastering.Benchmarks;

/// <summary>Times each analysis stage alone, single-threaded, on one channel (where the time goes).</summary>
public static class AnalysisStages
{
    public static int Run(string file)
    {
        var audio = AudioDecoder.Decode(file);
        var grid = new SubBlockGrid(audio.SampleRate, audio.Length);
        var stats = new ChannelStats(grid.Count);
        for (var rep = 0; rep < 3; rep++)
        {
            Time("read file bytes only", () => File.ReadAllBytes(file));
            Time("decode", () => AudioDecoder.Decode(file));
            Time("channel pass (K-weighting, peaks, energy)", () => ChannelPass.Run(audio.Channels[0], grid, stats));
            Time("true peak 4x", () => TruePeakMeter.Run(audio.Channels[0], grid, stats.TruePeak));
            Time("stereo spectrum", () => StereoSpectrum.Measure(audio.Channels[0], audio.Channels[1], audio.SampleRate));
            var right = new ChannelStats(grid.Count);
            Time("stereo pass (both channels)", () => ChannelPass.RunStereo(audio.Channels[0], audio.Channels[1], grid, stats, right, new double[grid.Count]));
            Time("whole analysis", () => Analyzer.Analyze(audio));
        }

        return 0;
    }

    private static void Time(string name, Action action)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        action();
        self.Refresh();
        var used = (self.TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-45} {sw.Elapsed.TotalMilliseconds,8:0.0} ms wall {used,8:0.0} ms cpu"));
    }
}
