using AiMastering.Engine;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Encoding;
using AiMastering.Testing;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Encoding;

/// <summary>What a listener and a player get from preview.mp3: the master's duration, under the ceiling, at a rate MP3 can carry.</summary>
public sealed class Mp3PreviewFileTests : IDisposable
{
    private const double Ceiling = -1.0;

    private readonly string dir = TestAudioFiles.NewDirectory();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData(Mp3Codecs.Auto)]
    [InlineData(Mp3Codecs.Ffmpeg)]
    public async Task Preview_over_the_ceiling_is_encoded_again_just_quiet_enough(Mp3Codecs codecs) // without the prediction (Mp3PeakPredictionTests)
    {
        var master = Louder(PreviewSignals.Music(dir, "chaos_god", 44100, 2, seconds: 25), 2.7); // sample peak −0.3 dBFS
        var path = Path.Combine(dir, "preview.mp3");

        var result = await new Mp3PreviewEncoder(codecs: codecs).EncodeAsync(master, path, Ceiling, segments: 2, Ct, predictPeak: false);

        var heard = TruePeak.OfBufferDbtp(await PlayerDecode.DecodeAsync(path, Ct));
        TestContext.Current.TestOutputHelper?.WriteLine($"gain {result.GainDb:0.00} dB after {result.Encodes} encodes; true peak {result.TruePeakDbtp:0.00} dBTP (player's decode {heard:0.00})");
        result.Encodes.ShouldBeGreaterThan(1, "the first encode was over the ceiling");
        result.GainDb.ShouldBeLessThan(0);
        heard.ShouldBeLessThanOrEqualTo(Ceiling, "the decoded preview is under the ceiling");
        heard.ShouldBeGreaterThan(Ceiling - 0.5, "and not needlessly quieter");
        result.TruePeakDbtp.ShouldBe(heard, SameDecode(codecs), "the reported true peak is the file's");
    }

    [Theory]
    [InlineData(Mp3Codecs.Auto)]
    [InlineData(Mp3Codecs.Ffmpeg)]
    public async Task Preview_of_a_96_kHz_master_is_48_kHz_with_the_masters_duration_aligned_and_seamless(Mp3Codecs codecs)
    {
        var master = PreviewSignals.Music(dir, "internal_degeneration", 96000, 2, seconds: 20);
        var singlePath = Path.Combine(dir, "single.mp3");
        var joinedPath = Path.Combine(dir, "joined.mp3");

        var single = await new Mp3PreviewEncoder(codecs: codecs).EncodeAsync(master, singlePath, Ceiling, segments: 1, Ct);
        var joined = await new Mp3PreviewEncoder(codecs: codecs).EncodeAsync(master, joinedPath, Ceiling, segments: 2, Ct);

        (joined.SampleRate, joined.Segments).ShouldBe((48000, 2));
        (await PlayerDecode.WarningsAsync(joinedPath, Ct)).ShouldBeEmpty();
        var one = await PlayerDecode.DecodeAsync(singlePath, Ct);
        var two = await PlayerDecode.DecodeAsync(joinedPath, Ct);
        (two.SampleRate, two.Length).ShouldBe((48000, (master.Length + 1) / 2), "the master's duration at 48 kHz (to the nearest sample)");
        joined.TruePeakDbtp.ShouldBe(TruePeak.OfBufferDbtp(two), SameDecode(codecs), "the reported true peak is the file's");
        joined.TruePeakDbtp.ShouldBeLessThanOrEqualTo(Ceiling);
        (single.Encodes, joined.Encodes).ShouldBe((1, 1));

        var seam = (Mp3SegmentPlan.Create(96000, master.Length, 48000, 2).Segments[1].KeepFrom * 1152) - Mp3SegmentPlan.CodecDelay;
        for (var c = 0; c < 2; c++)
        {
            var everyOther = Enumerable.Range(0, two.Length).Select(i => master.Channels[c][2 * i]).ToArray();
            var lag = CrossCorrelation.PeakLag(everyOther[(seam - 48000)..(seam + 48000)], two.Channels[c][(seam - 48000)..(seam + 48000)], maxLag: 1200);
            var rmsTwo = SeamMeasure.RmsError(one.Channels[c], two.Channels[c], seam, SeamMeasure.Window(48000));
            var rmsOne = SeamMeasure.RmsError(everyOther, one.Channels[c], seam, SeamMeasure.Window(48000));
            TestContext.Current.TestOutputHelper?.WriteLine($"ch {c}: lag {lag}; joined − single around the join {20 * Math.Log10(rmsTwo + 1e-12):0.0} dBFS; single − master {20 * Math.Log10(rmsOne):0.0} dBFS");
            lag.ShouldBe(0, "aligned with the master");
            rmsTwo.ShouldBeLessThan(rmsOne / 10, "the two-part preview is the single-part one around the join, within a tenth of the codec's own error");
        }
    }

    [Fact]
    public async Task Players_show_the_masters_duration_before_decoding()
    {
        var master = PreviewSignals.Synthetic(44100, 2, seconds: 21.3);
        var path = Path.Combine(dir, "preview.mp3");

        await new Mp3PreviewEncoder().EncodeAsync(master, path, Ceiling, segments: 2, Ct);

        var (rate, channels, samples, codec) = await FfmpegMeter.ProbeAsync(path, Ct);
        (rate, channels, codec).ShouldBe((44100, 2, "mp3"));
        var seconds = samples / 14_112_000.0; // ffprobe's mp3 time base
        seconds.ShouldBe(master.DurationSeconds, 0.06, "the duration from the Info tag's frame count (whole frames)");
    }

    [Fact]
    public async Task Short_master_is_one_part_and_exact()
    {
        var master = PreviewSignals.Synthetic(48000, 1, seconds: 1.7);
        var path = Path.Combine(dir, "preview.mp3");

        var result = await new Mp3PreviewEncoder().EncodeAsync(master, path, Ceiling, Ct);

        result.Segments.ShouldBe(1);
        (await PlayerDecode.DecodeAsync(path, Ct)).Length.ShouldBe(master.Length);
    }

    // The player's decode is ffmpeg's: the same samples when the check decoded with ffmpeg, within float rounding
    // (≈ 2e-6 of full scale) when libmpg123 did.
    private static double SameDecode(Mp3Codecs codecs) => codecs == Mp3Codecs.Ffmpeg ? 1e-9 : 1e-4;

    private static AudioBuffer Louder(AudioBuffer audio, double db)
    {
        var gain = (float)Math.Pow(10, db / 20);
        return new AudioBuffer(audio.SampleRate, [.. audio.Channels.Select(c => c.Select(x => x * gain).ToArray())]);
    }
}
