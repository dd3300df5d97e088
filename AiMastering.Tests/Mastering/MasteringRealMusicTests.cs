using AiMastering.Engine.Decoding;
using AiMastering.Engine.Mastering;
using AiMastering.Testing;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Mastering;

/// <summary>
/// Acceptance of the mastering chain on real music, verified by FFmpeg's ebur128 (peak=true) on the written
/// master.wav: within ± 0.3 LU of the target, at most 0.1 dB over the ceiling, exactly the input's length,
/// and aligned with the input (cross-correlation peak at lag 0).
/// </summary>
public sealed class MasteringRealMusicTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("chaos_god", 44100, 2, "streaming", -12.0)]
    [InlineData("armygeddon", 48000, 2, "streaming", -10.0)]
    [InlineData("internal_degeneration", 96000, 2, "apple", -12.0)]
    [InlineData("mutilated_mime", 48000, 1, "streaming", -12.0)]
    [InlineData("chaos_god", 96000, 1, "cd", -8.0)]
    [InlineData("armygeddon", 44100, 2, "youtube", -24.0)]
    public void Master_meets_target_and_ceiling_by_ffmpeg_and_keeps_length_and_alignment(string song, int rate, int channels, string target, double gainDb)
    {
        var mix = MusicMixes.Create(dir, song, rate, channels, gainDb: gainDb);
        var settings = CatalogSettings.For(target);
        var output = Path.Combine(dir, "master.wav");

        var result = MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = output, Settings = settings, JsonDirectory = dir }, TestContext.Current.CancellationToken);

        var before = FfmpegLoudness.Measure(mix);
        var oracle = FfmpegLoudness.Measure(output);
        var effective = result.Decision.Target.Lufs;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{song} {rate} Hz × {channels}, {target}: mix {before.IntegratedLufs} LUFS {before.TruePeakDbtp} dBTP → ffmpeg {oracle.IntegratedLufs} LUFS {oracle.TruePeakDbtp} dBTP; " +
            $"ours {result.After.Loudness.IntegratedLufs:0.00} LUFS {result.After.Loudness.TruePeakDbtp:0.00} dBTP; target {effective} (requested {result.Decision.Target.RequestedLufs}); " +
            $"renders {result.Report.Iterations.Count}; rules: {string.Join(", ", result.Decision.Rules.Select(r => r.Name))}");
        foreach (var rule in result.Decision.Rules)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"  {rule.Name} → {rule.Processor}: {rule.Reason}");
        }

        if (!result.Decision.Rules.Any(r => r.Name == "limitingBudget"))
        {
            effective.ShouldBe(settings.Target.Lufs, "only the limiting budget may stop short");
        }

        oracle.IntegratedLufs.ShouldBe(effective, 0.3, "integrated loudness by ffmpeg");
        oracle.TruePeakDbtp.ShouldBeLessThanOrEqualTo(settings.Target.TruePeakDbtp + 0.1, "true peak by ffmpeg");

        var input = AudioDecoder.Decode(mix);
        var master = AudioDecoder.Decode(output);
        master.SampleRate.ShouldBe(rate);
        master.ChannelCount.ShouldBe(channels);
        master.Length.ShouldBe(input.Length);
        for (var c = 0; c < channels; c++)
        {
            var from = rate * 10;
            var window = rate;
            // First differences whiten the spectrum, so the lag is that of the transients (broadband), not of the
            // low-frequency phase shift that any minimum-phase EQ or crossover has.
            CrossCorrelation.PeakLag(Difference(input.Channels[c], from, window), Difference(master.Channels[c], from, window), 48).ShouldBe(0, $"channel {c}");
        }
    }

    internal static float[] Difference(float[] x, int from, int count)
    {
        var d = new float[count];
        for (var i = 0; i < count; i++)
        {
            d[i] = x[from + i] - x[from + i - 1];
        }

        return d;
    }
}
