using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// Runs one ffmpeg process with its stdin fed and its stdout consumed by the caller. Whatever happens —
/// failure of either side, cancellation — the process is killed if still running and always waited for
/// (no zombies); a non-zero exit becomes an <see cref="FfmpegException"/> carrying ffmpeg's error output.
/// </summary>
internal static class FfmpegProcess
{
    private const int ErrorTailLength = 800;

    public static async Task RunAsync(
        string executable,
        IEnumerable<string> arguments,
        string purpose,
        Func<Stream, CancellationToken, Task>? writeInput,
        Func<Stream, CancellationToken, Task>? readOutput,
        CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = writeInput is not null,
            RedirectStandardOutput = readOutput is not null,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-v", "error", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new FfmpegException($"ffmpeg ({executable}) could not be started to {purpose}: {e.Message}", e);
        }

        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        Exception? failure = null;
        using (ct.Register(() => Kill(process)))
        {
            try
            {
                var input = writeInput is null ? Task.CompletedTask : KillOnFailure(process, WriteAndCloseAsync(process.StandardInput.BaseStream, writeInput, ct));
                var output = readOutput is null ? Task.CompletedTask : KillOnFailure(process, readOutput(process.StandardOutput.BaseStream, ct));
                await Task.WhenAll(input, output).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failure = e; // the process is reaped below before anything is thrown
            }

            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var stderr = await errors.ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        if (failure is not null and not IOException and not OperationCanceledException)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        if (process.ExitCode != 0)
        {
            throw new FfmpegException($"ffmpeg failed to {purpose} (exit code {process.ExitCode}): {Tail(stderr)}", failure ?? new InvalidOperationException(stderr));
        }

        if (failure is not null)
        {
            throw new FfmpegException($"ffmpeg's pipes failed while it was to {purpose}: {failure.Message} {Tail(stderr)}", failure);
        }
    }

    private static async Task WriteAndCloseAsync(Stream stdin, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        await using (stdin.ConfigureAwait(false))
        {
            await write(stdin, ct).ConfigureAwait(false);
        }
    }

    private static async Task KillOnFailure(Process process, Task side)
    {
        try
        {
            await side.ConfigureAwait(false);
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception)
        {
            // Exiting as we tried; WaitForExitAsync below still reaps it.
        }
    }

    private static string Tail(string text)
    {
        text = text.Trim();
        return text.Length <= ErrorTailLength ? text : "…" + text[^ErrorTailLength..];
    }
}
