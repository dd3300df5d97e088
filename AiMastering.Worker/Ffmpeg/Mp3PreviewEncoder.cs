using System.Globalization;

namespace AiMastering.Worker.Ffmpeg;

/// <summary>preview.mp3: 320 kbps LAME (ffmpeg's libmp3lame), optionally attenuated.</summary>
public sealed class Mp3PreviewEncoder(FfmpegRunner ffmpeg)
{
    public Task EncodeAsync(string wavPath, string mp3Path, double gainDb, CancellationToken cancellationToken)
    {
        var args = new List<string> { "-i", wavPath };
        if (gainDb != 0)
        {
            args.AddRange(["-af", $"volume={gainDb.ToString("0.###", CultureInfo.InvariantCulture)}dB"]);
        }

        args.AddRange(["-c:a", "libmp3lame", "-b:a", "320k", "-write_xing", "1", mp3Path]);
        return ffmpeg.RunAsync(args, cancellationToken);
    }
}
