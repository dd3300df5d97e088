using AiMastering.Engine.Analysis;
using AiMastering.Engine.Processing;
using static AiMastering.Engine.Mastering.Rules.RuleContext;

namespace AiMastering.Engine.Mastering.Rules;

/// <summary>Bass well above the style's balance (or the analysis flagged excessive low end) → dynamic EQ on the low band.</summary>
internal sealed class ExcessiveBassRule : IMasteringRule
{
    public const string Name = "excessiveBass";
    public const double ExcessThresholdDb = 3;

    public static double Excess(RuleContext context) =>
        context.Deviation("bass") - context.Deviation("lowMids") - context.Settings.Style.BassDb;

    public IEnumerable<RuleOutcome> Evaluate(RuleContext context)
    {
        var excess = Excess(context);
        var flagged = context.Problem(ProblemCode.ExcessiveLowEnd);
        if ((excess <= ExcessThresholdDb && flagged is null) || context.Level("bass") is not { } level)
        {
            yield break;
        }

        var settings = new DynamicEqSettings(
            EqBandShape.Peaking,
            FrequencyHz: 90,
            ThresholdDb: Math.Round(level - 3),
            Q: 0.8,
            Ratio: context.ByIntensity(2, 3, 4),
            MaxCutDb: Math.Round(Math.Clamp(excess, 1.5, context.ByIntensity(2, 3.5, 5)), 1),
            AttackMs: 15,
            ReleaseMs: 150);
        var inputs = new Dictionary<string, double> { ["bassExcessDb"] = Round(excess), ["bassLevelDbfs"] = Round(level) };
        if (flagged?.Value is { } v)
        {
            inputs["lowEndExcessDb"] = v;
        }

        var reason = $"The bass (60–250 Hz) is {F(excess)} dB above the {context.Settings.Style.Name} balance → dynamic EQ at 90 Hz cutting up to {F(settings.MaxCutDb)} dB when the bass rises above {F(settings.ThresholdDb, "0")} dBFS";
        yield return new RuleOutcome(new DecisionRule(Name, StepNames.DynamicEqLow, inputs, reason), Steps.DynamicEq(StepNames.DynamicEqLow, settings));
    }
}
