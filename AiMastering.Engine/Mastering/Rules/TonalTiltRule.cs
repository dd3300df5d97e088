using AiMastering.Engine.Processing;
using static AiMastering.Engine.Mastering.Rules.RuleContext;

namespace AiMastering.Engine.Mastering.Rules;

/// <summary>
/// Spectral tilt against the style's target → gentle low/high shelves correcting only what lies beyond a
/// ±2 dB dead band (so a balanced mix is left alone), capped by intensity. A bass excess already handled by
/// the dynamic low-band EQ is not cut twice.
/// </summary>
internal sealed class TonalTiltRule : IMasteringRule
{
    public const string Name = "tonalTilt";
    private const double DeadBandDb = 2;

    public IEnumerable<RuleOutcome> Evaluate(RuleContext context)
    {
        var target = context.Settings.Style;
        var bassOff = context.Deviation("bass") - context.Deviation("lowMids") - target.BassDb;
        var highsOff = context.Level("highs") is null ? 0 : context.Deviation("highs") - context.Deviation("lowMids") - target.HighsDb;
        var cap = context.ByIntensity(1.5, 2.5, 3.5);
        var lowGain = Correction(bassOff, cap);
        if (lowGain < 0 && bassOff > BandExcessRule.Bass.ExcessThresholdDb)
        {
            lowGain = 0; // the dynamic low-band EQ takes care of it
        }

        var highGain = Correction(highsOff, cap);
        var bands = new List<EqBand>();
        if (Math.Abs(lowGain) >= 0.5)
        {
            bands.Add(new EqBand(EqBandShape.LowShelf, 100, lowGain));
        }

        if (Math.Abs(highGain) >= 0.5)
        {
            bands.Add(new EqBand(EqBandShape.HighShelf, 8000, highGain));
        }

        if (bands.Count == 0)
        {
            yield break;
        }

        var style = context.Settings.Style.Name;
        var parts = new List<string>();
        if (lowGain != 0)
        {
            parts.Add($"the bass is {F(Math.Abs(bassOff))} dB {(bassOff > 0 ? "above" : "below")} the {style} target → low shelf {F(lowGain, "+0.0;-0.0")} dB at 100 Hz");
        }

        if (highGain != 0)
        {
            parts.Add($"the highs are {F(Math.Abs(highsOff))} dB {(highsOff > 0 ? "above" : "below")} the {style} target → high shelf {F(highGain, "+0.0;-0.0")} dB at 8 kHz");
        }

        var inputs = new Dictionary<string, double>
        {
            ["bassVsTargetDb"] = Round(bassOff),
            ["highsVsTargetDb"] = Round(highsOff),
            ["lowShelfDb"] = lowGain,
            ["highShelfDb"] = highGain,
        };
        var reason = string.Join("; ", parts);
        reason = char.ToUpperInvariant(reason[0]) + reason[1..];
        yield return new RuleOutcome(new DecisionRule(Name, StepNames.ToneShelves, inputs, reason), Steps.Shelves([.. bands]));
    }

    private static double Correction(double off, double cap)
    {
        var beyond = Math.Abs(off) - DeadBandDb;
        return beyond <= 0 ? 0 : Math.Round(-Math.Sign(off) * Math.Min(beyond, cap), 1);
    }
}
