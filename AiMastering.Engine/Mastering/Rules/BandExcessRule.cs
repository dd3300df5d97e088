using System.Globalization;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Processing;
using static AiMastering.Engine.Mastering.Rules.RuleContext;

namespace AiMastering.Engine.Mastering.Rules;

/// <summary>
/// One tonal band well above the style's balance (measured against the low mids), or flagged by the analysis → a
/// dynamic EQ bell on that band that cuts only while the band is loud. Two instances: <see cref="Bass"/> and
/// <see cref="HighMids"/>.
/// </summary>
internal sealed class BandExcessRule : IMasteringRule
{
    public const string BassName = "excessiveBass";
    public const string HighMidsName = "harshHighMids";

    /// <summary>Bass (60–250 Hz) → dynamic EQ at 90 Hz, slow enough to follow notes rather than cycles.</summary>
    public static BandExcessRule Bass { get; } = new()
    {
        Name = BassName,
        Band = "bass",
        StyleTarget = s => s.BassDb,
        Problem = ProblemCode.ExcessiveLowEnd,
        ProblemInput = "lowEndExcessDb",
        StepName = StepNames.DynamicEqLow,
        FrequencyHz = 90,
        Q = 0.8,
        AttackMs = 15,
        ReleaseMs = 150,
        Subject = "The bass (60–250 Hz)",
        Frequency = "90 Hz",
        WhenFormat = "when the bass rises above {0} dBFS",
    };

    /// <summary>High mids (2–6 kHz) → dynamic EQ at 3.5 kHz.</summary>
    public static BandExcessRule HighMids { get; } = new()
    {
        Name = HighMidsName,
        Band = "highMids",
        StyleTarget = s => s.HighMidsDb,
        Problem = ProblemCode.HarshHighMids,
        ProblemInput = "highMidsDeviationDb",
        StepName = StepNames.DynamicEqHighMids,
        FrequencyHz = 3500,
        Q = 1.0,
        AttackMs = 5,
        ReleaseMs = 80,
        Subject = "The 2–6 kHz range",
        Frequency = "3.5 kHz",
        WhenFormat = "only when it gets loud (above {0} dBFS)",
    };

    /// <summary>The excess (dB above the style's balance) from which the rule acts.</summary>
    public double ExcessThresholdDb { get; } = 3;

    public required string Name { get; init; }

    /// <summary>The tone band of the analysis (its inputs are named after it: <c>bassExcessDb</c>, <c>bassLevelDbfs</c>).</summary>
    public required string Band { get; init; }

    public required Func<MasteringStyle, double> StyleTarget { get; init; }

    public required ProblemCode Problem { get; init; }

    /// <summary>The input that carries the flagged problem's value.</summary>
    public required string ProblemInput { get; init; }

    public required string StepName { get; init; }

    public required double FrequencyHz { get; init; }

    public required double Q { get; init; }

    public required double AttackMs { get; init; }

    public required double ReleaseMs { get; init; }

    /// <summary>The reason's words for the band, its EQ frequency and when the EQ acts ({0}: the threshold, dBFS).</summary>
    public required string Subject { get; init; }

    public required string Frequency { get; init; }

    public required string WhenFormat { get; init; }

    public IEnumerable<RuleOutcome> Evaluate(RuleContext context)
    {
        var excess = context.Deviation(Band) - context.Deviation("lowMids") - StyleTarget(context.Settings.Style);
        var flagged = context.Problem(Problem);
        if ((excess <= ExcessThresholdDb && flagged is null) || context.Level(Band) is not { } level)
        {
            yield break;
        }

        var settings = new DynamicEqSettings(
            EqBandShape.Peaking,
            FrequencyHz,
            ThresholdDb: Math.Round(level - 3),
            Q,
            Ratio: context.ByIntensity(2, 3, 4),
            MaxCutDb: Math.Round(Math.Clamp(excess, 1.5, context.ByIntensity(2, 3.5, 5)), 1),
            AttackMs,
            ReleaseMs);
        var inputs = new Dictionary<string, double> { [Band + "ExcessDb"] = Round(excess), [Band + "LevelDbfs"] = Round(level) };
        if (flagged?.Value is { } v)
        {
            inputs[ProblemInput] = v;
        }

        var when = string.Format(CultureInfo.InvariantCulture, WhenFormat, F(settings.ThresholdDb, "0"));
        var reason = $"{Subject} is {F(excess)} dB above the {context.Settings.Style.Name} balance → dynamic EQ at {Frequency} cutting up to {F(settings.MaxCutDb)} dB {when}";
        yield return new RuleOutcome(new DecisionRule(Name, StepName, inputs, reason), Steps.DynamicEq(StepName, settings));
    }
}
