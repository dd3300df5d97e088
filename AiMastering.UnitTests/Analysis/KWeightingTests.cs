using AiMastering.Engine.Analysis;

namespace AiMastering.UnitTests.Analysis;

public sealed class KWeightingTests
{
    // ITU-R BS.1770-4 Tables 1 and 2 (48 kHz coefficients).
    [Fact]
    public void Coefficients_at_48_kHz_match_the_standard_table()
    {
        var shelf = KWeighting.Shelf(48000);
        shelf.B0.ShouldBe(1.53512485958697, 1e-8);
        shelf.B1.ShouldBe(-2.69169618940638, 1e-8);
        shelf.B2.ShouldBe(1.19839281085285, 1e-8);
        shelf.A1.ShouldBe(-1.69065929318241, 1e-8);
        shelf.A2.ShouldBe(0.73248077421585, 1e-8);
        var highPass = KWeighting.HighPass(48000);
        highPass.A1.ShouldBe(-1.99004745483398, 1e-8);
        highPass.A2.ShouldBe(0.99007225036621, 1e-8);
    }

    [Theory]
    // The bilinear transform warps the response as the rate falls; at 8 kHz the 38 Hz high-pass shifts by 0.2 dB.
    [InlineData(8000, 0.25)]
    [InlineData(22050, 0.1)]
    [InlineData(44100, 0.05)]
    [InlineData(96000, 0.05)]
    [InlineData(192000, 0.05)]
    public void Response_at_other_rates_matches_48_kHz_where_both_are_defined(int rate, double toleranceDb)
    {
        foreach (var f in new[] { 50.0, 100, 500, 1000, 2000, 3000 })
        {
            var reference = KWeighting.Shelf(48000).MagnitudeDb(48000, f) + KWeighting.HighPass(48000).MagnitudeDb(48000, f);
            var other = KWeighting.Shelf(rate).MagnitudeDb(rate, f) + KWeighting.HighPass(rate).MagnitudeDb(rate, f);
            (other - reference).ShouldBe(0, f < rate / 8.0 ? toleranceDb : 0.5, $"{f} Hz");
        }
    }
}
