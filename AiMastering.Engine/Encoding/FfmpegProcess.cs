using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// Runs one ffmpeg process with its stdin fed and its stdout consumed by the caller, each side on a thread of its
/// own with blocking pipe I/O: .NET's asynchronous pipe I/O on Linux goes through the socket engine (an epoll thread,
/// a thread-pool hop per 64 KB read and the pool's spinning), CPU that LAME needs on a small machine. Whatever happens —
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
        Action<Stream, CancellationToken>? writeInput,
        Action<Stream, CancellationToken>? readOutput,
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
            var stdin = writeInput is null ? null : process.StandardInput.BaseStream;
            var stdout = readOutput is null ? null : process.StandardOutput.BaseStream;
            var input = stdin is null ? Task.CompletedTask : KillOnFailure(process, OnOwnThread(() => WriteAndClose(stdin, writeInput!, ct)));
            var output = stdout is null ? Task.CompletedTask : KillOnFailure(process, OnOwnThread(() => readOutput!(stdout, ct)));
            try
            {
                await Task.WhenAll(input, output).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failure = Cause(output, input) ?? e; // the process is reaped below before anything is thrown
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

    /// <summary>
    /// The failure to report when a side failed: one side's failure kills the process, which makes the other side fail
    /// too (a broken pipe, an encoder killed under a probe's decoder), so the first failure that is not a pipe error or
    /// a cancellation is the cause — the reading side's first (say, a decoder's output that does not add up). Awaiting
    /// Task.WhenAll alone gives this only as long as its first exception is the one that happened first.
    /// </summary>
    private static Exception? Cause(params Task[] sides)
    {
        var failures = sides.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).ToList();
        return failures.FirstOrDefault(e => e is not IOException and not OperationCanceledException) ?? failures.FirstOrDefault();
    }

    // A pipe side blocks in read/write; cancellation kills the process, which ends the call with 0 bytes or an IOException.
    private static Task OnOwnThread(Action side) =>
        Task.Factory.StartNew(side, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void WriteAndClose(Stream stdin, Action<Stream, CancellationToken> write, CancellationToken ct)
    {
        using (stdin)
        {
            write(stdin, ct);
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
