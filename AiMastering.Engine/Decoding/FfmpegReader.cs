using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AiMastering.Engine.Decoding;

/// <summary>
/// Decodes with the system ffmpeg process (FLAC and AIFC variants NAudio cannot read): raw 32-bit float
/// little-endian on stdout, read in chunks straight into planar arrays.
/// </summary>
internal static class FfmpegReader
{
    public static string Executable { get; set; } = "ffmpeg";

    public static float[][] Read(string path, AudioProbeResult probe, out string errors)
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

        Process process;
        try
        {
            process = Process.Start(start) ?? throw DecodeErrors.Failed("ffmpeg did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw DecodeErrors.Failed("ffmpeg is not installed", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var builder = new PlanarBuilder(probe.Channels, probe.Frames);
            var bytes = new byte[65536 * probe.Channels];
            var filled = 0;
            var stdout = process.StandardOutput.BaseStream;
            int read;
            while ((read = stdout.Read(bytes, filled, bytes.Length - filled)) > 0)
            {
                filled += read;
                var usable = filled - (filled % (4 * probe.Channels));
                builder.Append(MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, usable)));
                Buffer.BlockCopy(bytes, usable, bytes, 0, filled - usable);
                filled -= usable;
            }

            process.WaitForExit();
            errors = stderr.GetAwaiter().GetResult();
            if (process.ExitCode != 0 && builder.Frames == 0)
            {
                throw DecodeErrors.Failed(FirstLine(errors));
            }

            return builder.Build();
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "ffmpeg failed" : line;
    }
}
