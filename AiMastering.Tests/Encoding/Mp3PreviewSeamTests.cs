using AiMastering.Engine;
using AiMastering.Engine.Encoding;
using AiMastering.Testing;

namespace AiMastering.Tests.Encoding;

/// <summary>
/// A preview encoded in two parallel parts and joined sounds like one encoded in one go: a gapless player gets the
/// master's exact length, aligned, and around the join the error against the master is no worse than a single
/// encode's at the same place (no click, no gap, no doubled or missing frame).
/// </summary>
public sealed class Mp3PreviewSeamTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("music", 48000, 2)]
    [InlineData("music", 44100, 2)]
    [InlineData("music", 48000, 1)]
    [InlineData("music", 44100, 1)]
    [InlineData("synthetic", 48000, 2)]
    [InlineData("synthetic", 44100, 2)]
    [InlineData("synthetic", 48000, 1)]
    [InlineData("synthetic", 44100, 1)]
    public async Task Two_part_preview_plays_back_as_the_master_with_an_inaudible_join(string source, int rate, int channels)
    {
        var master = source == "music" ? PreviewSignals.Music(dir, "armygeddon", rate, channels) : PreviewSignals.Synthetic(rate, channels);
        var encoder = new Mp3PreviewEncoder();
        var singlePath = Path.Combine(dir, "single.mp3");
        var joinedPath = Path.Combine(dir, "joined.mp3");

        var single = await encoder.EncodeAsync(master, singlePath, ceilingDbtp: 0, segments: 1, Ct);
        var joined = await encoder.EncodeAsync(master, joinedPath, ceilingDbtp: 0, segments: 2, Ct);

        single.Segments.ShouldBe(1);
        joined.Segments.ShouldBe(2);
        (single.Encodes, joined.Encodes).ShouldBe((1, 1), "no attenuation, so both encode the same samples");
        (await PlayerDecode.WarningsAsync(joinedPath, Ct)).ShouldBeEmpty();
        var one = await PlayerDecode.DecodeAsync(singlePath, Ct);
        var two = await PlayerDecode.DecodeAsync(joinedPath, Ct);
        (two.SampleRate, two.ChannelCount, two.Length).ShouldBe((rate, channels, master.Length), "a gapless player gets the master's exact length");
        one.Length.ShouldBe(master.Length);

        var seam = Seam(master);
        var half = SeamMeasure.Window(rate);
        for (var c = 0; c < channels; c++)
        {
            var reference = master.Channels[c];
            var lag = CrossCorrelation.PeakLag(reference[(seam - rate)..(seam + rate)], two.Channels[c][(seam - rate)..(seam + rate)], maxLag: 1200);
            var rmsTwo = SeamMeasure.RmsError(reference, two.Channels[c], seam, half);
            var rmsOne = SeamMeasure.RmsError(reference, one.Channels[c], seam, half);
            var maxTwo = SeamMeasure.MaxError(reference, two.Channels[c], seam, half);
            var maxOne = SeamMeasure.MaxError(reference, one.Channels[c], seam, half);
            var maxOneAnywhere = SeamMeasure.MaxError(reference, one.Channels[c], reference.Length / 2, reference.Length);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{source} {rate} Hz ch {c}: join at sample {seam}; lag {lag}; ±50 ms RMS error joined {Db(rmsTwo):0.0} dBFS vs single {Db(rmsOne):0.0}; " +
                $"max |error| joined {Db(maxTwo):0.0} vs single {Db(maxOne):0.0} (single anywhere {Db(maxOneAnywhere):0.0}); {joined.Seconds:0.00} s vs {single.Seconds:0.00} s");
            lag.ShouldBe(0, "the preview lines up with the master across the join");
            rmsTwo.ShouldBeLessThanOrEqualTo(2 * rmsOne, "error around the join");
            maxTwo.ShouldBeLessThanOrEqualTo(2 * maxOne, "no click at the join");
            maxTwo.ShouldBeLessThanOrEqualTo(maxOneAnywhere, "the join is not the worst place of the preview");
        }

        if (rate == 48000)
        {
            // At 48 kHz every frame has the same size, so the parts' frames are byte for byte those of one encode:
            // proof that the second part sits on the first one's frame grid.
            for (var c = 0; c < channels; c++)
            {
                two.Channels[c].AsSpan().SequenceEqual(one.Channels[c]).ShouldBeTrue($"channel {c} decodes identically");
            }
        }
    }

    private static int Seam(AudioBuffer master) =>
        (Mp3SegmentPlan.Create(master.SampleRate, master.Length, master.SampleRate, 2).Segments[1].KeepFrom * 1152) - Mp3SegmentPlan.CodecDelay;

    private static double Db(double x) => 20 * Math.Log10(Math.Max(x, 1e-12));
}
