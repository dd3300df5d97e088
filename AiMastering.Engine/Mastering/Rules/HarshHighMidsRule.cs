using AiMastering.Engine.Analysis;
using AiMastering.Engine.Processing;
using static AiMastering.Engine.Mastering.Rules.RuleContext;

namespace AiMastering.Engine.Mastering.Rules;

/// <summary>Harsh high mids (2–6 kHz above the style's balance, or flagged by the analysis) → dynamic EQ around 3.5 kHz.</summary>
internal sealed class HarshHighMidsRule : IMasteringRule
{
    public const string Name = "harshHighMids";
    public const double ExcessThresholdDb = 3;

    public static double Excess(RuleContext context) =>
        context.Deviation("highMids") - context.Deviation("lowMids") - context.Settings.Style.HighMidsDb;

    public IEnumerable<RuleOutcome> Evaluate(RuleContext context)
    {
        var excess = Excess(context);
        var flagged = context.Problem(ProblemCode.HarshHighMids);
        if ((excess <= ExcessThresholdDb && flagged is null) || context.Level("highMids") is not { } level)
        {
            yield break;
        }

        var settings = new DynamicEqSettings(
            EqBandShape.Peaking,
            FrequencyHz: 3500,
            ThresholdDb: Math.Round(level - 3),
            Q: 1.0,
            Ratio: context.ByIntensity(2, 3, 4),
            MaxCutDb: Math.Round(Math.Clamp(excess, 1.5, context.ByIntensity(2, 3.5, 5)), 1),
            AttackMs: 5,
            ReleaseMs: 80);
        var inputs = new Dictionary<string, double> { ["highMidsExcessDb"] = Round(excess), ["highMidsLevelDbfs"] = Round(level) };
        if (flagged?.Value is { } v)
        {
            inputs["highMidsDeviationDb"] = v;
        }

        var reason = $"The 2–6 kHz range is {F(excess)} dB above the {context.Settings.Style.Name} balance → dynamic EQ at 3.5 kHz cutting up to {F(settings.MaxCutDb)} dB only when it gets loud (above {F(settings.ThresholdDb, "0")} dBFS)";
        yield return new RuleOutcome(new DecisionRule(Name, StepNames.DynamicEqHighMids, inputs, reason), Steps.DynamicEq(StepNames.DynamicEqHighMids, settings));
    }
}
