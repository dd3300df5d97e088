using AiMastering.Engine.Processing;
using static AiMastering.Engine.Mastering.Rules.RuleContext;

namespace AiMastering.Engine.Mastering.Rules;

/// <summary>Low crest factor (squashed transients) → gentle upward expander above the RMS level.</summary>
internal sealed class TransientRule : IMasteringRule
{
    public const string Name = "lowCrestFactor";
    private const double LowCrestDb = 10;

    public IEnumerable<RuleOutcome> Evaluate(RuleContext context)
    {
        if (context.Analysis.Dynamics is not { CrestFactorDb: { } crest, RmsDbfs: { } rms } || crest >= LowCrestDb)
        {
            yield break;
        }

        var settings = new UpwardExpanderSettings(
            ThresholdDb: Math.Round(rms + 3),
            Ratio: context.ByIntensity(1.1, 1.2, 1.3),
            KneeDb: 6,
            AttackMs: 2,
            ReleaseMs: 80,
            MaxGainDb: context.ByIntensity(2, 3, 4));
        var inputs = new Dictionary<string, double> { ["crestFactorDb"] = Round(crest), ["thresholdCrestDb"] = LowCrestDb, ["rmsDbfs"] = Round(rms) };
        var reason = $"Crest factor {F(crest)} dB is low for this material (under {F(LowCrestDb, "0")} dB) → upward expander {F(settings.Ratio)}:1 above {F(settings.ThresholdDb, "0")} dBFS, at most +{F(settings.MaxGainDb, "0")} dB, to restore transients";
        yield return new RuleOutcome(new DecisionRule(Name, StepNames.UpwardExpander, inputs, reason), Steps.Expander(settings));
    }
}
