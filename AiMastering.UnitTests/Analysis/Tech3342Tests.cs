using AiMastering.Engine.Analysis;

namespace AiMastering.UnitTests.Analysis;

/// <summary>
/// EBU Tech 3342 (v3, 2016) loudness-range minimum requirements, cases 1-4: stereo 1 kHz sine segments of
/// 20 s each; tolerance +/-1 LU. At 48 kHz and 44.1 kHz.
/// </summary>
public sealed class Tech3342Tests
{
    [Theory]
    [InlineData(48000, new double[] { -20, -30 }, 10)]
    [InlineData(48000, new double[] { -20, -15 }, 5)]
    [InlineData(48000, new double[] { -40, -20 }, 20)]
    [InlineData(48000, new double[] { -50, -35, -20, -35, -50 }, 15)]
    [InlineData(44100, new double[] { -20, -30 }, 10)]
    [InlineData(44100, new double[] { -20, -15 }, 5)]
    [InlineData(44100, new double[] { -40, -20 }, 20)]
    [InlineData(44100, new double[] { -50, -35, -20, -35, -50 }, 15)]
    public void Loudness_range_of_level_steps(int rate, double[] levels, double expectedLu)
    {
        var audio = Signals.SineSegments(rate, levels.Select(l => (20.0, (double?)l)).ToArray());

        var result = Analyzer.Analyze(audio);

        result.Loudness.RangeLu.ShouldBe(expectedLu, 1.0);
    }
}
