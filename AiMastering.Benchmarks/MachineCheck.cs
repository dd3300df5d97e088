using System.Diagnostics;
using System.Globalization;

namespace AiMastering.Benchmarks;

/// <summary>
/// How fast the machine is right now: the same code measured 4.4 s and 5.9 s for a 5-minute reference pair at
/// different hours on this (virtual, shared) 2-core machine, with nothing else of ours running. A fixed job —
/// LAME 320 kbps on 60 s of stereo pink noise, one ffmpeg process, the preview's encoder settings — is timed before
/// and after a benchmark so its figures can be compared with another run's (≈ 0.45–0.5 s on a quiet machine).
/// </summary>
internal static class MachineCheck
{
    public static string Measure()
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-hide_banner", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "anoisesrc=d=60:c=pink:r=48000:a=0.3:s=1", "-ac", "2", "-c:a", "libmp3lame", "-b:a", "320k", "-compression_level", "7", "-f", "null", "-"])
        {
            start.ArgumentList.Add(a);
        }

        var runs = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            runs.Add(clock.Elapsed.TotalSeconds);
        }

        return string.Create(CultureInfo.InvariantCulture, $"machine check (LAME, 60 s of pink noise; ≈ 0.45–0.5 s when quiet): {runs.Order().ElementAt(1):0.00} s");
    }
}
