using System.Globalization;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// Encodes one <see cref="Mp3Segment"/> with ffmpeg's libmp3lame: master samples piped as f32le on stdin,
/// 320 kbps CBR, LAME quality 7, bit reservoir off (every frame self-contained). The first segment is written to
/// a file (ffmpeg writes the Xing/Info + LAME tag only on seekable output); the others come back on stdout
/// without any tag.
/// </summary>
internal static class Mp3SegmentEncoder
{
    /// <summary>
    /// The preview's LAME settings: 320 kbps CBR, algorithm quality 7 ("fast": at 320 kbps the preview is transparent
    /// enough to judge the master), bit reservoir off, MP3 output.
    /// </summary>
    public static IReadOnlyList<string> LameArguments { get; } = ["-c:a", "libmp3lame", "-b:a", "320k", "-compression_level", "7", "-reservoir", "0", "-f", "mp3"];

    public static async Task<ReadOnlyMemory<byte>> EncodeAsync(string ffmpeg, IPlanarSource master, Mp3SegmentPlan plan, Mp3Segment segment, float gain, string firstSegmentPath, CancellationToken ct)
    {
        var arguments = new List<string>
        {
            "-f", "f32le", "-ar", Invariant(master.SampleRate), "-ac", Invariant(master.ChannelCount), "-i", "pipe:0",
        };
        if (plan.PreviewRate != master.SampleRate)
        {
            arguments.AddRange(["-af", "aresample=" + Invariant(plan.PreviewRate)]);
        }

        arguments.AddRange(LameArguments);
        var purpose = $"encode part {segment.Index + 1} of {plan.Segments.Count} of the MP3 preview";
        void Feed(Stream stdin, CancellationToken token) =>
            F32lePipe.Write(stdin, master, segment.InputStart, segment.InputEnd, gain, token);

        if (segment.Index == 0)
        {
            arguments.AddRange(["-write_xing", "1", "-y", firstSegmentPath]);
            await FfmpegProcess.RunAsync(ffmpeg, arguments, purpose, Feed, readOutput: null, ct).ConfigureAwait(false);
            return await File.ReadAllBytesAsync(firstSegmentPath, ct).ConfigureAwait(false);
        }

        arguments.AddRange(["-write_xing", "0", "-id3v2_version", "0", "pipe:1"]);
        var frames = ((long)(segment.InputEnd - segment.InputStart) * plan.PreviewRate / master.SampleRate / Mp3FrameHeader.SamplesPerFrame) + 4;
        using var encoded = new MemoryStream((int)Math.Min(int.MaxValue / 2, frames * ((144 * 320_000 / plan.PreviewRate) + 1)));
        await FfmpegProcess.RunAsync(ffmpeg, arguments, purpose, Feed, (stdout, _) => stdout.CopyTo(encoded), ct).ConfigureAwait(false);
        return encoded.GetBuffer().AsMemory(0, (int)encoded.Length);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
