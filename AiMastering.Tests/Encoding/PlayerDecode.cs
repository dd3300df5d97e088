using System.Diagnostics;
using System.Runtime.InteropServices;
using AiMastering.Engine;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Encoding;

/// <summary>The preview as a gapless player hears it: decoded by ffmpeg alone (trimmed by its Info/LAME tag).</summary>
internal static class PlayerDecode
{
    public static async Task<AudioBuffer> DecodeAsync(string mp3, CancellationToken ct)
    {
        var (rate, channels, _, codec) = await FfmpegMeter.ProbeAsync(mp3, ct);
        codec.ShouldBe("mp3");
        var psi = new ProcessStartInfo("ffmpeg", ["-nostdin", "-hide_banner", "-v", "error", "-i", mp3, "-f", "f32le", "-acodec", "pcm_f32le", "pipe:1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var errors = process.StandardError.ReadToEndAsync(ct);
        using var bytes = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(bytes, ct);
        await process.WaitForExitAsync(ct);
        process.ExitCode.ShouldBe(0, await errors);
        var interleaved = MemoryMarshal.Cast<byte, float>(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        var planar = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            planar[c] = new float[interleaved.Length / channels];
            for (var i = 0; i < planar[c].Length; i++)
            {
                planar[c][i] = interleaved[(i * channels) + c];
            }
        }

        return new AudioBuffer(rate, planar);
    }

    /// <summary>What ffmpeg says about the file at warning level while decoding it completely (empty = nothing wrong).</summary>
    public static async Task<string> WarningsAsync(string mp3, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("ffmpeg", ["-nostdin", "-hide_banner", "-v", "warning", "-i", mp3, "-f", "null", "-"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        process.ExitCode.ShouldBe(0);
        return (await errors).Trim();
    }
}
