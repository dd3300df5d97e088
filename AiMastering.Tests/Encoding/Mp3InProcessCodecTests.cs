using AiMastering.Engine.Encoding;
using AiMastering.Testing;

namespace AiMastering.Tests.Encoding;

/// <summary>
/// LAME and libmpg123 in the engine's process give the preview ffmpeg would: the same MP3 frames byte for byte
/// (ffmpeg's libmp3lame wraps the same LAME), the same tag for players (length, delay), and decoded samples at the
/// same positions within float rounding of ffmpeg's decoder.
/// </summary>
public sealed class Mp3InProcessCodecTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void The_libraries_load_here()
    {
        new Mp3PreviewEncoder().InProcess.ShouldBeTrue("scripts/install-deps.sh installs libmp3lame0 and libmpg123-0");
        new Mp3PreviewEncoder(codecs: Mp3Codecs.Ffmpeg).InProcess.ShouldBeFalse();
    }

    [Theory]
    [InlineData("armygeddon", 48000, 2, 0.0)]
    [InlineData("chaos_god", 44100, 1, -3.0)]
    public async Task In_process_frames_are_ffmpegs_byte_for_byte_and_players_get_the_masters_length(string song, int rate, int channels, double ceiling)
    {
        var master = PreviewSignals.Music(dir, song, rate, channels, seconds: 45);
        var inProcessPath = Path.Combine(dir, "in-process.mp3");
        var ffmpegPath = Path.Combine(dir, "ffmpeg.mp3");

        var inProcess = await new Mp3PreviewEncoder().EncodeAsync(master, inProcessPath, ceiling, segments: 2, Ct);
        var ffmpeg = await new Mp3PreviewEncoder(codecs: Mp3Codecs.Ffmpeg).EncodeAsync(master, ffmpegPath, ceiling, segments: 2, Ct);

        TestContext.Current.TestOutputHelper?.WriteLine($"gain {inProcess.GainDb:0.00} / {ffmpeg.GainDb:0.00} dB, true peak {inProcess.TruePeakDbtp:0.0000} / {ffmpeg.TruePeakDbtp:0.0000} dBTP, encodes {inProcess.Encodes} / {ffmpeg.Encodes}");
        (inProcess.Segments, inProcess.Encodes, inProcess.GainDb).ShouldBe((ffmpeg.Segments, ffmpeg.Encodes, ffmpeg.GainDb));
        AudioFrames(inProcessPath).SequenceEqual(AudioFrames(ffmpegPath)).ShouldBeTrue("every audio frame after the tag is the same");
        inProcess.TruePeakDbtp.ShouldBe(ffmpeg.TruePeakDbtp, 1e-4, "libmpg123's decode measures as ffmpeg's (float rounding apart)");
        var heard = await PlayerDecode.DecodeAsync(inProcessPath, Ct);
        (heard.SampleRate, heard.ChannelCount, heard.Length).ShouldBe((rate, channels, master.Length), "LAME's own tag, patched for the joined parts, trims the player's decode to the master");
        (await PlayerDecode.WarningsAsync(inProcessPath, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Libmpg123_decodes_every_frame_where_ffmpeg_does()
    {
        var master = PreviewSignals.Music(dir, "armygeddon", 48000, 2, seconds: 20);
        var path = Path.Combine(dir, "preview.mp3");
        await new Mp3PreviewEncoder().EncodeAsync(master, path, -1, segments: 1, Ct);
        var raw = Path.Combine(dir, "raw.mp3");
        var frames = AudioFrames(path);
        await File.WriteAllBytesAsync(raw, frames, Ct); // no tag: neither decoder trims anything

        var ours = new List<float>();
        using (var decoder = new Mpg123Decoder(48000, 2))
        {
            decoder.Decode(frames, s => ours.AddRange(s.ToArray()), Ct);
        }

        var theirs = await PlayerDecode.DecodeAsync(raw, Ct);
        var count = Mp3FrameReader.Read(frames, "raw").Count * Mp3FrameHeader.SamplesPerFrame;
        (ours.Count / 2).ShouldBe(count, "1152 samples for every frame");
        theirs.Length.ShouldBe(count);
        var largest = 0.0;
        for (var i = 0; i < count; i++)
        {
            for (var c = 0; c < 2; c++)
            {
                largest = Math.Max(largest, Math.Abs(ours[(2 * i) + c] - theirs.Channels[c][i]));
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"largest difference {largest:E2}");
        largest.ShouldBeLessThan(1e-5, "the same decode, float rounding apart (a shift by one sample would differ by ~0.1)");
    }

    // The file's bytes after its ID3v2 tag and Info/LAME tag frame.
    private static byte[] AudioFrames(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var frames = Mp3FrameReader.Read(bytes, path);
        return bytes[(frames[0].Offset + frames[0].Length)..];
    }
}
