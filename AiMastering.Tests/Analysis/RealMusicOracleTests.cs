using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using AiMastering.Testing;

namespace AiMastering.Tests.Analysis;

/// <summary>
/// Real music against FFmpeg's ebur128 (peak=true) as an independent oracle: the first 45 s of the summed
/// OGG stems of songs from Debian's fretsonfire-songs-muldjord, mixed by ffmpeg into a 32-bit float WAV.
/// Integrated loudness within 0.1 LU (ffmpeg prints one decimal), true peak within 0.3 dB.
/// </summary>
public sealed class RealMusicOracleTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("chaos_god")]
    [InlineData("armygeddon")]
    public void Loudness_and_true_peak_agree_with_ffmpeg(string song)
    {
        var songs = RepositoryPaths.MusicSongs();
        if (!Directory.Exists(songs))
        {
            Assert.Fail($"Test music is missing ({songs}). Run scripts/fetch-test-music.sh from the repository root first.");
        }

        var mix = Path.Combine(dir, song + ".wav");
        FfmpegLoudness.Run(
            "-nostdin", "-hide_banner", "-v", "error", "-y",
            "-i", Path.Combine(songs, song, "song.ogg"),
            "-i", Path.Combine(songs, song, "guitar.ogg"),
            "-filter_complex", "[0:a][1:a]amix=inputs=2:duration=shortest:normalize=0,atrim=0:45",
            "-c:a", "pcm_f32le", mix);

        var oracle = FfmpegLoudness.Measure(mix);
        var ours = Analyzer.Analyze(AudioDecoder.Decode(mix));

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{song}: ffmpeg I={oracle.IntegratedLufs} LRA={oracle.RangeLu} TP={oracle.TruePeakDbtp}; " +
            $"ours I={ours.Loudness.IntegratedLufs} LRA={ours.Loudness.RangeLu} TP={ours.Loudness.TruePeakDbtp}");
        ours.Loudness.IntegratedLufs!.Value.ShouldBe(oracle.IntegratedLufs, 0.1, "integrated");
        ours.Loudness.TruePeakDbtp!.Value.ShouldBe(oracle.TruePeakDbtp, 0.3, "true peak");
        ours.Loudness.RangeLu.ShouldBe(oracle.RangeLu, 1.0, "loudness range");
    }
}
