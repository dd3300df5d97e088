using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using AiMastering.Engine;
using AiMastering.Engine.Analysis;
using Microsoft.Extensions.Options;

namespace AiMastering.Worker.Ffmpeg;

/// <summary>
/// preview.mp3: 320 kbps LAME (ffmpeg's libmp3lame). MP3 encoding can push peaks above the
/// master's; the preview is decoded again and, if its own true peak is over the ceiling, encoded
/// once more with just enough attenuation.
/// </summary>
public sealed partial class Mp3PreviewEncoder(FfmpegRunner ffmpeg, IOptions<WorkerOptions> options)
{
    /// <summary>Returns the preview's true peak and the attenuation applied (dB, ≤ 0).</summary>
    public async Task<(double TruePeakDbtp, double GainDb)> EncodeAsync(string wavPath, string mp3Path, double ceilingDbtp, CancellationToken cancellationToken)
    {
        var gain = 0.0;
        var truePeak = double.NaN;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await EncodeOnceAsync(wavPath, mp3Path, gain, cancellationToken);
            truePeak = TruePeak.OfBufferDbtp(await DecodeAsync(mp3Path, cancellationToken));
            if (truePeak <= ceilingDbtp)
            {
                break;
            }

            gain -= truePeak - ceilingDbtp + 0.05;
        }

        return (truePeak, gain);
    }

    public Task EncodeOnceAsync(string wavPath, string mp3Path, double gainDb, CancellationToken cancellationToken)
    {
        var args = new List<string> { "-i", wavPath };
        if (gainDb != 0)
        {
            args.AddRange(["-af", string.Create(CultureInfo.InvariantCulture, $"volume={gainDb:0.###}dB")]);
        }

        // LAME algorithm quality 7 ("fast"): at 320 kbps CBR the preview is transparent enough to judge
        // the master, and it encodes ~1.5× faster than the default, which dominates a job's time.
        args.AddRange(["-c:a", "libmp3lame", "-b:a", "320k", "-compression_level", "7", "-write_xing", "1", mp3Path]);
        return ffmpeg.RunAsync(args, cancellationToken);
    }

    /// <summary>Decodes the MP3 in one ffmpeg run; its rate and channel count are read from ffmpeg's own stream line.</summary>
    private async Task<AudioBuffer> DecodeAsync(string mp3Path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Value.FfmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-i", mp3Path, "-f", "f32le", "-acodec", "pcm_f32le", "-" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var bytes = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(bytes, cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var stream = StreamLine().Match(await errors);
        if (process.ExitCode != 0 || !stream.Success)
        {
            throw new InvalidOperationException($"ffmpeg could not decode the preview {mp3Path}.");
        }

        var rate = int.Parse(stream.Groups[1].Value, CultureInfo.InvariantCulture);
        var channels = stream.Groups[2].Value == "mono" ? 1 : 2;
        var interleaved = MemoryMarshal.Cast<byte, float>(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        var frames = interleaved.Length / channels;
        var planar = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            planar[c] = new float[frames];
            for (var i = 0; i < frames; i++)
            {
                planar[c][i] = interleaved[(i * channels) + c];
            }
        }

        return new AudioBuffer(rate, planar);
    }

    [GeneratedRegex(@"Audio: mp3[^,]*, (\d+) Hz, (mono|stereo)")]
    private static partial Regex StreamLine();
}
