using AiMastering.Engine;
using AiMastering.Engine.Analysis;

namespace AiMastering.UnitTests.Analysis;

public sealed class ProblemDetectionTests
{
    private const int Rate = 48000;

    [Fact]
    public void Clipping_inserted_at_known_times_is_flagged_at_those_times()
    {
        var audio = Signals.SineSegments(Rate, 220, (10, -12));
        var clipTimes = new[] { 2.0, 5.5, 8.25 };
        foreach (var t in clipTimes)
        {
            var start = (int)(t * Rate);
            for (var i = 0; i < 12; i++)
            {
                audio.Channels[0][start + i] = 1.0f;
            }
        }

        var result = Analyzer.Analyze(audio);

        var clipping = result.Problems.Single(p => p.Code == ProblemCode.Clipping);
        clipping.Times.Length.ShouldBe(clipTimes.Length);
        for (var i = 0; i < clipTimes.Length; i++)
        {
            clipping.Times[i].StartSeconds.ShouldBe(clipTimes[i], 0.001);
        }

        clipping.Message.ShouldContain("0:02.0");
    }

    [Fact]
    public void Clean_1_kHz_sine_has_no_problems()
    {
        var result = Analyzer.Analyze(Signals.SineSegments(Rate, 1000, (10, -12)));
        result.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_polarity_inverted_channel_is_flagged_as_a_phase_problem()
    {
        var left = Signals.PinkNoise(Rate * 10, 11);
        var right = left.Select(v => -v).ToArray();

        var result = Analyzer.Analyze(new AudioBuffer(Rate, [left, right]));

        result.Stereo.Correlation!.Value.ShouldBe(-1, 0.001);
        var phase = result.Problems.Single(p => p.Code == ProblemCode.PhaseProblem);
        phase.Severity.ShouldBe(ProblemSeverity.Error);
        result.Stereo.MonoFoldDownLossDb.ShouldBeNull();
    }

    [Fact]
    public void Inter_sample_overs_are_flagged()
    {
        var result = Analyzer.Analyze(Signals.PhasedSine(Rate, 0.25, 45, 3.0103, 3));
        result.Problems.ShouldContain(p => p.Code == ProblemCode.InterSampleOvers);
    }

    [Fact]
    public void Dc_offset_and_silence_at_head_and_tail_are_flagged()
    {
        var audio = Signals.SineSegments(Rate, 440, (2, null), (6, -20), (3, null));
        foreach (var c in audio.Channels)
        {
            for (var i = 2 * Rate; i < 8 * Rate; i++)
            {
                c[i] += 0.01f;
            }
        }

        var result = Analyzer.Analyze(audio);

        result.Problems.ShouldContain(p => p.Code == ProblemCode.DcOffset);
        result.Problems.Single(p => p.Code == ProblemCode.SilenceAtHead).Times[0].EndSeconds.ShouldBe(2, 0.02);
        result.Problems.Single(p => p.Code == ProblemCode.SilenceAtTail).Times[0].StartSeconds.ShouldBe(8, 0.02);
    }

    [Fact]
    public void Sidechain_pumping_is_flagged_and_steady_noise_is_not()
    {
        var length = Rate * 20;
        var noise = Signals.PinkNoise(length, 5, 0.1);
        var pumped = new float[length];
        var beat = Rate / 2;
        for (var i = 0; i < length; i++)
        {
            var sinceBeat = (i % beat) / (double)Rate;
            var gainDb = -12 * Math.Exp(-sinceBeat / 0.12);
            pumped[i] = noise[i] * (float)Math.Pow(10, gainDb / 20);
        }

        var steady = Analyzer.Analyze(new AudioBuffer(Rate, [noise, noise]));
        var pumping = Analyzer.Analyze(new AudioBuffer(Rate, [pumped, pumped]));

        steady.Problems.ShouldNotContain(p => p.Code == ProblemCode.Pumping);
        var problem = pumping.Problems.Single(p => p.Code == ProblemCode.Pumping);
        problem.Times.ShouldNotBeEmpty();
    }

    [Fact]
    public void Boomy_mix_is_flagged_for_excessive_low_end()
    {
        var length = Rate * 10;
        var pink = Signals.PinkNoise(length, 9, 0.02);
        var bass = Signals.SineSegments(Rate, 70, (10, -6)).Channels[0];
        var mix = pink.Select((v, i) => v + bass[i]).ToArray();

        var result = Analyzer.Analyze(new AudioBuffer(Rate, [mix, mix]));

        result.Problems.ShouldContain(p => p.Code == ProblemCode.ExcessiveLowEnd);
    }
}
