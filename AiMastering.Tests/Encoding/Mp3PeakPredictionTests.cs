using AiMastering.Engine;
using AiMastering.Engine.Encoding;
using AiMastering.Engine.Mastering;
using AiMastering.Testing;
using AiMastering.Tests.Mastering;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Encoding;

/// <summary>
/// The preview's true peak predicted before the first encode: a loud master's preview is attenuated just enough the
/// first time (one encode, under the ceiling by FFmpeg's ebur128, not needlessly quieter), a master with headroom is
/// left alone, and the prediction comes close to the preview actually encoded without attenuation.
/// </summary>
public sealed class Mp3PeakPredictionTests : IDisposable
{
    /// <summary>|preview true peak − prediction| on real loud masters (coding noise is what it leaves out: README).</summary>
    private const double PredictionToleranceDb = 0.35;

    private readonly string dir = TestAudioFiles.NewDirectory();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    // mutilated_mime club (30 s): the sample misses ~0.19 dB of the preview's peak, so its first encode is still
    // over and the re-encode fallback makes it (a known miss, see the Encoding README's limits).
    [Theory]
    [InlineData("chaos_god", 44100, "club", 1)]
    [InlineData("armygeddon", 48000, "cd", 1)]
    [InlineData("mutilated_mime", 48000, "club", 2)]
    public async Task Loud_master_preview_is_attenuated_just_enough(string song, int rate, string preset, int encodes)
    {
        var (master, ceiling) = LoudMaster(song, rate, preset);
        var path = Path.Combine(dir, "preview.mp3");

        var result = await new Mp3PreviewEncoder().EncodeAsync(master, path, ceiling, Ct);

        var oracle = FfmpegLoudness.Measure(path).TruePeakDbtp;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{song} {rate} Hz {preset}: predicted {result.PredictedTruePeakDbtp:0.00}, gain {result.GainDb:0.00} dB, {result.Encodes} encode(s), true peak {result.TruePeakDbtp:0.00} (ffmpeg {oracle:0.0}) dBTP");
        result.GainDb.ShouldBeLessThan(0, "the preview of this master needs attenuation");
        result.ProbeWindows.ShouldBeGreaterThan(0, "the overshoot was measured on a sample");
        result.Encodes.ShouldBeLessThanOrEqualTo(encodes, encodes == 1 ? "the first encode was attenuated enough" : "the known miss passes after its re-encode");
        oracle.ShouldBeLessThanOrEqualTo(ceiling, "under the ceiling by ffmpeg (0.1 dB steps)");
        result.TruePeakDbtp.ShouldBeInRange(ceiling - 0.3, ceiling, "and not needlessly quieter");
    }

    [Theory]
    [InlineData("chaos_god", 44100, "club")]
    [InlineData("armygeddon", 48000, "cd")]
    [InlineData("mutilated_mime", 48000, "club")]
    [InlineData("internal_degeneration", 96000, "cd")]
    public async Task Prediction_is_close_to_the_unattenuated_previews_true_peak(string song, int rate, string preset)
    {
        var (master, _) = LoudMaster(song, rate, preset);
        var previewRate = Mp3PreviewEncoder.PreviewSampleRate(rate);
        var source = new BufferAudio(master);

        var lowpassed = await new Mp3PeakPredictor(rate, previewRate).PredictDbtpAsync(() => source, master.Length, master.ChannelCount, double.NegativeInfinity, Ct);
        var preview = await new Mp3PreviewEncoder().EncodeAsync(master, Path.Combine(dir, "preview.mp3"), ceilingDbtp: 0, segments: null, Ct, predictPeak: false);

        var predicted = lowpassed + Mp3PeakPredictor.CodingAllowanceDb;
        TestContext.Current.TestOutputHelper?.WriteLine($"{song} {rate} Hz {preset}: lowpassed {lowpassed:0.00}, predicted {predicted:0.00}, unattenuated preview {preview.TruePeakDbtp:0.00} dBTP");
        preview.GainDb.ShouldBe(0);
        preview.TruePeakDbtp.ShouldBe(predicted, PredictionToleranceDb);
    }

    [Fact]
    public async Task Master_with_headroom_is_previewed_without_attenuation_or_sampling()
    {
        var master = PreviewSignals.Music(dir, "chaos_god", 48000, 2, seconds: 25); // sample peak −3 dBFS
        var ceiling = -1.0;

        var result = await new Mp3PreviewEncoder().EncodeAsync(master, Path.Combine(dir, "preview.mp3"), ceiling, Ct);

        (result.GainDb, result.Encodes, result.ProbeWindows).ShouldBe((0.0, 1, 0), "no attenuation, one encode, no sample encoded");
        result.PredictedTruePeakDbtp.ShouldBeLessThan(ceiling - Mp3PreviewEncoder.AttenuationMarginDb);
        result.TruePeakDbtp.ShouldBeLessThanOrEqualTo(ceiling);
    }

    // A real mix mastered loud (club: −8 LUFS at −0.5 dBTP; cd: −10 LUFS at −0.3 dBTP), 30 s.
    private (AudioBuffer Master, double Ceiling) LoudMaster(string song, int rate, string preset)
    {
        var mix = MusicMixes.Create(dir, song, rate, 2, seconds: 30);
        var settings = CatalogSettings.For(preset);
        var result = MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = Path.Combine(dir, "master.wav"), Settings = settings, JsonDirectory = dir }, Ct);
        return (result.Master.ShouldNotBeNull(), settings.Target.TruePeakDbtp);
    }
}
