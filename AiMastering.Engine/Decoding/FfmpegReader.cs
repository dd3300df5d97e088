using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AiMastering.Engine.Decoding;

/// <summary>
/// Decodes with the system ffmpeg process (FLAC and AIFC variants NAudio cannot read): raw 32-bit float
/// little-endian on stdout, read chunk by chunk. Disposing before the end stops the process.
/// </summary>
internal sealed class FfmpegReader : IInterleavedReader
{
    private readonly Process process;
    private readonly Stream stdout;
    private readonly Task<string> stderr;
    private readonly int frameBytes;
    private byte[] bytes = [];
    private int filled;
    private long floats;

    private FfmpegReader(Process process, int channels)
    {
        this.process = process;
        frameBytes = 4 * channels;
        stdout = process.StandardOutput.BaseStream;
        stderr = process.StandardError.ReadToEndAsync();
    }

    public static string Executable { get; set; } = "ffmpeg";

    public static FfmpegReader Open(string path, AudioProbeResult probe)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-nostdin", "-hide_banner", "-v", "error", "-i", path, "-map", "0:a:0", "-f", "f32le", "-acodec", "pcm_f32le", "-" })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            return new FfmpegReader(Process.Start(start) ?? throw DecodeErrors.Failed("ffmpeg did not start"), probe.Channels);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw DecodeErrors.Failed("ffmpeg is not installed", e);
        }
    }

    public int Read(Span<float> destination)
    {
        var wantedBytes = destination.Length / (frameBytes / 4) * frameBytes;
        if (bytes.Length < wantedBytes)
        {
            var kept = bytes.AsSpan(0, filled).ToArray();
            bytes = new byte[wantedBytes];
            kept.CopyTo(bytes, 0);
        }

        int read;
        while (filled < wantedBytes && (read = stdout.Read(bytes, filled, wantedBytes - filled)) > 0)
        {
            filled += read;
        }

        var usable = filled - (filled % frameBytes);
        var samples = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, usable));
        DecodeErrors.CheckFinite(samples);
        samples.CopyTo(destination);
        Buffer.BlockCopy(bytes, usable, bytes, 0, filled - usable);
        filled -= usable;
        floats += usable / 4;
        return usable / 4;
    }

    public void Finish()
    {
        process.WaitForExit();
        var errors = stderr.GetAwaiter().GetResult();
        if (process.ExitCode != 0 && floats == 0)
        {
            throw DecodeErrors.Failed(FirstLine(errors));
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }

        process.Dispose();
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "ffmpeg failed" : line;
    }
}
