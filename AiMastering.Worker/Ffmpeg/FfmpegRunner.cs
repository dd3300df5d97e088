using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;

namespace AiMastering.Worker.Ffmpeg;

/// <summary>Runs the system ffmpeg and returns its stderr (where it prints measurements).</summary>
public sealed class FfmpegRunner(IOptions<WorkerOptions> options)
{
    private static readonly string[] CommonArguments = ["-hide_banner", "-nostdin", "-y"];

    public async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Value.FfmpegPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in CommonArguments.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        var stderr = new StringBuilder();
        var errTask = Task.Run(async () =>
        {
            string? line;
            while ((line = await process.StandardError.ReadLineAsync(cancellationToken)) is not null)
            {
                stderr.AppendLine(line);
            }
        }, cancellationToken);
        var outTask = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(errTask, outTask);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg exited with {process.ExitCode}: {Tail(stderr.ToString())}");
        }

        return stderr.ToString();
    }

    private static string Tail(string text) => text.Length <= 600 ? text : text[^600..];
}
