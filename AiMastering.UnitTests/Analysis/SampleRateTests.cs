using AiMastering.Engine;
using AiMastering.Engine.Analysis;

namespace AiMastering.UnitTests.Analysis;

public sealed class SampleRateTests
{
    // Tech 3341 case 1 at the other supported rates; K-weighting is derived per rate.
    [Theory]
    [InlineData(8000, 0.2)]
    [InlineData(16000, 0.1)]
    [InlineData(32000, 0.1)]
    [InlineData(88200, 0.1)]
    [InlineData(96000, 0.1)]
    [InlineData(192000, 0.1)]
    public void Steady_sine_reads_its_level_at_every_supported_rate(int rate, double tolerance)
    {
        var result = Analyzer.Analyze(Signals.SineSegments(rate, (10, -23)));

        result.Loudness.IntegratedLufs!.Value.ShouldBe(-23.0, tolerance);
        result.Loudness.ShortTermMaxLufs!.Value.ShouldBe(-23.0, tolerance);
        result.Loudness.TruePeakDbtp!.Value.ShouldBe(-23.0, 0.2);
    }

    [Fact]
    public void Mono_is_measured_with_unit_channel_weight()
    {
        // BS.1770: a mono 1 kHz sine at -20 dBFS peak reads -23.0 LUFS (one channel, G = 1).
        var stereo = Signals.SineSegments(48000, (10, -20));
        var result = Analyzer.Analyze(new AudioBuffer(48000, [stereo.Channels[0]]));

        result.Loudness.IntegratedLufs!.Value.ShouldBe(-23.0, 0.1);
        result.Stereo.Correlation.ShouldBe(1.0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(44100)]
    public void Empty_and_very_short_buffers_do_not_throw(int length)
    {
        var x = Signals.WhiteNoise(length, 1, -20);
        var result = Analyzer.Analyze(new AudioBuffer(44100, [x, x]));

        result.DurationSeconds.ShouldBe(length / 44100.0, 1e-3);
    }
}
