using AiMastering.Engine.Encoding;
using AiMastering.Testing;

namespace AiMastering.Tests.Encoding;

/// <summary>
/// The tag patcher writes the Info/LAME fields exactly as ffmpeg's mp3 muxer does: given one of ffmpeg's own files,
/// recomputing every field from its frames gives back ffmpeg's bytes (frame and byte counts, delay and padding, music
/// length, music CRC) and ffmpeg's tag CRC is the CRC-16 of its first 190 bytes; the seek table agrees within rounding
/// (ours places each entry at the frame of that percentage, ffmpeg's its nearest sampled frame). Frames are found by parsing every header —
/// at 44.1 kHz they are 1044 or 1045 bytes.
/// </summary>
public sealed class LameInfoTagTests : IDisposable
{
    private const int TocStart = 16;
    private const int TocLength = 100;
    private const int TagCrc = 154;

    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData(44100, 1)]
    [InlineData(44100, 2)]
    [InlineData(48000, 1)]
    [InlineData(48000, 2)]
    public void Recomputing_the_tag_of_an_ffmpeg_file_gives_ffmpegs_bytes(int rate, int channels)
    {
        var path = Path.Combine(dir, "ffmpeg.mp3");
        FfmpegLoudness.Run("-nostdin", "-hide_banner", "-v", "error", "-y", "-f", "lavfi", "-i", $"sine=frequency=997:sample_rate={rate}:duration=7.3",
            "-ac", channels.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:a", "libmp3lame", "-b:a", "320k", "-compression_level", "7", "-reservoir", "0", path);
        var file = File.ReadAllBytes(path);
        var frames = Mp3FrameReader.Read(file, "ffmpeg.mp3");
        var tagFrame = frames[0];
        var original = file.AsSpan(tagFrame.Offset, tagFrame.Length).ToArray();
        var audioStart = frames[1].Offset;
        var audio = file.AsSpan(audioStart).ToArray();
        var positions = frames.Skip(1).Select(f => f with { Offset = f.Offset - audioStart }).ToList();

        var patched = (byte[])original.Clone();
        LameInfoTag.Patch(patched, tagFrame.Header, audio, positions, LameInfoTag.Padding(original, tagFrame.Header));

        LameInfoTag.IsPresent(original, tagFrame.Header).ShouldBeTrue();
        LameInfoTag.FrameCount(original, tagFrame.Header).ShouldBe(frames.Count - 1);
        LameInfoTag.EncoderDelay(original, tagFrame.Header).ShouldBe(576);
        ((((long)frames.Count - 1) * 1152) - 576 - LameInfoTag.Padding(original, tagFrame.Header)).ShouldBe((long)(rate * 7.3), "ffmpeg's own padding follows total × 1152 − 576 − samples");
        var toc = tagFrame.Header.SideInfoEnd + TocStart;
        patched.AsSpan(0, toc).SequenceEqual(original.AsSpan(0, toc)).ShouldBeTrue("header and the Xing fields before the seek table");
        var tagCrc = tagFrame.Header.SideInfoEnd + TagCrc;
        patched.AsSpan(toc + TocLength, tagCrc - toc - TocLength).SequenceEqual(original.AsSpan(toc + TocLength, tagCrc - toc - TocLength)).ShouldBeTrue("the LAME fields and the music CRC");
        TagCrcOf(original, tagCrc).ShouldBe(StoredCrc(original, tagCrc), "ffmpeg's tag CRC: CRC-16 of the first 190 bytes, the CRC field zero");
        TagCrcOf(patched, tagCrc).ShouldBe(StoredCrc(patched, tagCrc), "ours, computed the same way");
        for (var i = 0; i < TocLength; i++)
        {
            Math.Abs(patched[toc + i] - original[toc + i]).ShouldBeLessThanOrEqualTo(2, $"seek table entry {i}");
        }

        var sizes = frames.Skip(1).Select(f => f.Length).Distinct().Order().ToList();
        sizes.ShouldBe(rate == 44100 ? [1044, 1045] : [960], "frame sizes from each header's padding bit");
    }

    private static ushort StoredCrc(byte[] frame, int at) => (ushort)((frame[at] << 8) | frame[at + 1]);

    private static ushort TagCrcOf(byte[] frame, int at)
    {
        var copy = frame[..190];
        if (at < 190)
        {
            copy[at] = copy[at + 1] = 0;
        }

        return Crc16.Update(0, copy);
    }
}
