using System.Diagnostics;
using System.Globalization;

namespace AiMastering.Tests.Support;

/// <summary>ffprobe/ffmpeg helpers for the application tests (loudness itself: <see cref="Testing.FfmpegLoudness"/>).</summary>
public static class FfmpegMeter
{
    /// <summary>Sample rate, channels and length in samples, as ffprobe reads the file.</summary>
    public static async Task<(int SampleRate, int Channels, long Samples, string Codec)> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("ffprobe", ["-v", "error", "-select_streams", "a:0", "-show_entries",
            "stream=sample_rate,channels,duration_ts,codec_name", "-of", "default=noprint_wrappers=1"])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(path);
        using var p = Process.Start(psi)!;
        var text = await p.StandardOutput.ReadToEndAsync(cancellationToken);
        await p.WaitForExitAsync(cancellationToken);
        var values = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(a => a[0], a => a[1].Trim());
        return (int.Parse(values["sample_rate"], CultureInfo.InvariantCulture), int.Parse(values["channels"], CultureInfo.InvariantCulture),
            long.Parse(values["duration_ts"], CultureInfo.InvariantCulture), values["codec_name"]);
    }

    public static async Task<string> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync(cancellationToken);
        var output = p.StandardOutput.ReadToEndAsync(cancellationToken);
        await p.WaitForExitAsync(cancellationToken);
        var text = await err;
        await output;
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed: {text[^Math.Min(500, text.Length)..]}");
        }

        return text;
    }
}
