using AiMastering.Engine;
using AiMastering.Engine.Analysis;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiMastering.UnitTests.Analysis;

public sealed class ProblemPropertyTests
{
    private const int Rate = 44100;

    // Clipping inserted at random known times (runs of 3-40 full-scale samples, in either channel and
    // polarity) is reported at exactly those times.
    [Property(MaxTest = 12)]
    public void Clipping_is_flagged_where_it_was_inserted(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var audio = Signals.SineSegments(Rate, 440 + random.Next(500), (10, -6 - (random.NextDouble() * 12)));
        var count = 1 + random.Next(4);
        var times = Enumerable.Range(0, count).Select(i => 0.5 + (i * 2.3) + (random.NextDouble() * 1.5)).ToArray();
        foreach (var t in times)
        {
            var channel = audio.Channels[random.Next(2)];
            var start = (int)(t * Rate);
            var value = random.Next(2) == 0 ? 1f : -1f;
            for (var i = 0; i < 3 + random.Next(38); i++)
            {
                channel[start + i] = value;
            }
        }

        var clipping = Analyzer.Analyze(audio).Problems.Single(p => p.Code == ProblemCode.Clipping);

        clipping.Times.Length.ShouldBe(count);
        for (var i = 0; i < count; i++)
        {
            clipping.Times[i].StartSeconds.ShouldBe(Math.Floor(times[i] * Rate) / Rate, 0.001);
        }
    }

    // Any signal with one channel polarity-inverted is a phase problem; the same signal in phase is not.
    [Property(MaxTest = 8)]
    public void A_polarity_inverted_channel_is_always_a_phase_problem(PositiveInt seed, bool invertLeft)
    {
        var random = new Random(seed.Get);
        var source = Signals.PinkNoise(Rate * 5, seed.Get, 0.02 + (random.NextDouble() * 0.2));
        var other = source.Select((v, i) => v * (float)(0.5 + (random.NextDouble() * 0.01))).ToArray();
        var inverted = (invertLeft ? source : other).Select(v => -v).ToArray();
        var left = invertLeft ? inverted : source;
        var right = invertLeft ? other : inverted;

        var flipped = Analyzer.Analyze(new AudioBuffer(Rate, [left, right]));
        var straight = Analyzer.Analyze(new AudioBuffer(Rate, [source, other]));

        flipped.Problems.ShouldContain(p => p.Code == ProblemCode.PhaseProblem && p.Severity == ProblemSeverity.Error);
        straight.Problems.ShouldNotContain(p => p.Code == ProblemCode.PhaseProblem);
    }
}
