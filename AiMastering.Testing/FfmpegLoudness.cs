using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AiMastering.Testing;

/// <summary>
/// FFmpeg's ebur128 filter as an independent loudness meter for the tests and benchmarks (ffmpeg 5.1: parse the
/// Summary on stderr), and a plain ffmpeg runner for making their test files.
/// </summary>
public static partial class FfmpegLoudness
{
    public sealed record Summary(double IntegratedLufs, double RangeLu, double TruePeakDbtp);

    public static Summary Measure(string path)
    {
        var output = Run("-nostdin", "-hide_banner", "-nostats", "-i", path, "-af", "ebur128=peak=true", "-f", "null", "-");
        var summary = output[output.LastIndexOf("Summary:", StringComparison.Ordinal)..];
        return new Summary(Value(IntegratedPattern(), summary), Value(RangePattern(), summary), Value(PeakPattern(), summary));
    }

    /// <summary>Runs ffmpeg with these arguments and returns its stderr; throws when it fails.</summary>
    public static string Run(params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
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
            throw new InvalidOperationException($"ffmpeg failed (exit {process.ExitCode}): {error}");
        }

        return error;
    }

    private static double Value(Regex pattern, string text)
    {
        var match = pattern.Match(text);
        if (!match.Success)
        {
            throw new InvalidOperationException($"{pattern} not found in ffmpeg summary:\n{text}");
        }

        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"I:\s+(-?[\d.]+) LUFS")]
    private static partial Regex IntegratedPattern();

    [GeneratedRegex(@"LRA:\s+(-?[\d.]+) LU")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"Peak:\s+(-?[\d.]+) dBFS")]
    private static partial Regex PeakPattern();
}
