using AiMastering.Engine.Analysis;

namespace AiMastering.UnitTests.Analysis;

/// <summary>
/// EBU Tech 3341 v4 (2016) "minimum requirements" test signals, synthesized (stereo 1 kHz sine, level =
/// peak dBFS per channel, so -23 dBFS reads -23 LUFS), at 48 kHz and 44.1 kHz.
/// Tolerances from Tech 3341 Table 1: I, M, S +/-0.1 LU; true peak +0.2/-0.4 dB.
/// </summary>
public sealed class Tech3341Tests
{
    private const double LoudnessTolerance = 0.1;

    public static TheoryData<int> Rates => [48000, 44100];

    // Case 1: 20 s at -23 dBFS -> M, S, I = -23.0. Case 2: 20 s at -33 dBFS -> -33.0.
    [Theory]
    [InlineData(48000, -23.0)]
    [InlineData(44100, -23.0)]
    [InlineData(48000, -33.0)]
    [InlineData(44100, -33.0)]
    public void Cases_1_and_2_steady_sine_reads_its_level_in_I_M_and_S(int rate, double level)
    {
        var result = Analyzer.Analyze(Signals.SineSegments(rate, (20, level)));

        result.Loudness.IntegratedLufs!.Value.ShouldBe(level, LoudnessTolerance);
        result.Loudness.MomentaryMaxLufs!.Value.ShouldBe(level, LoudnessTolerance);
        result.Loudness.ShortTermMaxLufs!.Value.ShouldBe(level, LoudnessTolerance);
    }

    // Case 3: -36 dBFS 10 s, -23 dBFS 60 s, -36 dBFS 10 s -> I = -23.0 (relative gate removes the quiet parts).
    [Theory]
    [MemberData(nameof(Rates))]
    public void Case_3_relative_gate(int rate)
    {
        var result = Analyzer.Analyze(Signals.SineSegments(rate, (10, -36), (60, -23), (10, -36)));
        result.Loudness.IntegratedLufs!.Value.ShouldBe(-23.0, LoudnessTolerance);
    }

    // Case 4: -72, -36, -23 (60 s), -36, -72 dBFS, 10 s each otherwise -> I = -23.0 (absolute and relative gate).
    [Theory]
    [MemberData(nameof(Rates))]
    public void Case_4_absolute_and_relative_gate(int rate)
    {
        var result = Analyzer.Analyze(Signals.SineSegments(rate, (10, -72), (10, -36), (60, -23), (10, -36), (10, -72)));
        result.Loudness.IntegratedLufs!.Value.ShouldBe(-23.0, LoudnessTolerance);
    }

    // Case 5: -26 dBFS 20 s, -20 dBFS 20.1 s, -26 dBFS 20 s -> I = -23.0 (nothing gated).
    [Theory]
    [MemberData(nameof(Rates))]
    public void Case_5_ungated_average(int rate)
    {
        var result = Analyzer.Analyze(Signals.SineSegments(rate, (20, -26), (20.1, -20), (20, -26)));
        result.Loudness.IntegratedLufs!.Value.ShouldBe(-23.0, LoudnessTolerance);
    }

    // Case 9: 20 x (1.34 s at -20 dBFS, 1.66 s at -30 dBFS) -> S = -23.0, constant after 3 s.
    [Theory]
    [MemberData(nameof(Rates))]
    public void Case_9_short_term_is_constant_on_a_3_s_pattern(int rate)
    {
        var segments = Enumerable.Range(0, 20).SelectMany(_ => new (double, double?)[] { (1.34, -20), (1.66, -30) }).ToArray();
        var loudness = LoudnessProbe.Measure(Signals.SineSegments(rate, segments));

        for (var end = LoudnessSeries.ShortTermWindow; end <= loudness.SubBlocks; end++)
        {
            loudness.ShortTerm(end).ShouldBe(-23.0, LoudnessTolerance, $"S at {end / 100.0:0.00} s");
        }
    }

    // Case 10: 3 s bursts at -23 dBFS at many positions relative to the meter's update grid,
    // separated by silence -> max S = -23.0 for each.
    [Theory]
    [MemberData(nameof(Rates))]
    public void Case_10_max_short_term_of_3_s_bursts_at_any_offset(int rate)
    {
        for (var i = 0; i < 20; i++)
        {
            var offset = 1 + (i * 0.0047);
            var result = Analyzer.Analyze(Signals.SineSegments(rate, (offset, null), (3, -23), (1, null)));
            result.Loudness.ShortTermMaxLufs!.Value.ShouldBe(-23.0, LoudnessTolerance, $"burst at {offset} s");
        }
    }

    // Case 12: 25 x (0.18 s at -20 dBFS, 0.22 s at -30 dBFS) -> M = -23.0, constant after 1 s.
    [Theory]
    [MemberData(nameof(Rates))]
    public void Case_12_momentary_is_constant_on_a_400_ms_pattern(int rate)
    {
        var segments = Enumerable.Range(0, 25).SelectMany(_ => new (double, double?)[] { (0.18, -20), (0.22, -30) }).ToArray();
        var loudness = LoudnessProbe.Measure(Signals.SineSegments(rate, segments));

        for (var end = 100; end <= loudness.SubBlocks; end++)
        {
            loudness.Momentary(end).ShouldBe(-23.0, LoudnessTolerance, $"M at {end / 100.0:0.00} s");
        }
    }

    // Case 13: 400 ms bursts at -23 dBFS at many positions relative to the update grid -> max M = -23.0 for each
    // (we use the shortest burst the momentary window can fully see, the strictest form of the case).
    [Theory]
    [MemberData(nameof(Rates))]
    public void Case_13_max_momentary_of_400_ms_bursts_at_any_offset(int rate)
    {
        for (var i = 0; i < 20; i++)
        {
            var offset = 1 + (i * 0.0023);
            var result = Analyzer.Analyze(Signals.SineSegments(rate, (offset, null), (0.4, -23), (1, null)));
            result.Loudness.MomentaryMaxLufs!.Value.ShouldBe(-23.0, LoudnessTolerance, $"burst at {offset} s");
        }
    }

    // Cases 15-18: sines at fs/4, fs/4 (45 deg), fs/6 (60 deg), fs/8 (67.5 deg) with -6 dBFS peak whose samples
    // miss the crest -> true peak -6.0 dBTP. Case 19: fs/4 at 45 deg, samples at 0 dBFS -> +3.0 dBTP.
    [Theory]
    [InlineData(48000, 0.25, 0.0, -6.0, -6.0)]
    [InlineData(48000, 0.25, 45.0, -6.0, -6.0)]
    [InlineData(48000, 1.0 / 6, 60.0, -6.0, -6.0)]
    [InlineData(48000, 0.125, 67.5, -6.0, -6.0)]
    [InlineData(48000, 0.25, 45.0, 3.0103, 3.0)]
    [InlineData(44100, 0.25, 0.0, -6.0, -6.0)]
    [InlineData(44100, 0.25, 45.0, -6.0, -6.0)]
    [InlineData(44100, 1.0 / 6, 60.0, -6.0, -6.0)]
    [InlineData(44100, 0.125, 67.5, -6.0, -6.0)]
    [InlineData(44100, 0.25, 45.0, 3.0103, 3.0)]
    public void Cases_15_to_19_true_peak_between_samples(int rate, double cyclesPerSample, double phase, double peakDbfs, double expectedDbtp)
    {
        var result = Analyzer.Analyze(Signals.PhasedSine(rate, cyclesPerSample, phase, peakDbfs));

        var truePeak = result.Loudness.TruePeakDbtp!.Value;
        truePeak.ShouldBeInRange(expectedDbtp - 0.4, expectedDbtp + 0.2);
        result.Loudness.ChannelTruePeaksDbtp.ShouldAllBe(p => p!.Value >= expectedDbtp - 0.4 && p.Value <= expectedDbtp + 0.2);
    }
}
