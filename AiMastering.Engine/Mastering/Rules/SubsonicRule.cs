using AiMastering.Engine.Analysis;
using AiMastering.Engine.Processing;
using static AiMastering.Engine.Mastering.Rules.RuleContext;

namespace AiMastering.Engine.Mastering.Rules;

/// <summary>DC offset or sub-sonic rumble (energy below ~28 Hz) → Butterworth high-pass.</summary>
internal sealed class SubsonicRule : IMasteringRule
{
    public const string Name = "subsonicCleanup";

    /// <summary>Share of the spectrum's power below <see cref="RumbleBelowHz"/> that counts as rumble, dB.</summary>
    private const double RumbleThresholdDb = -25;
    private const double RumbleBelowHz = 28;

    public IEnumerable<RuleOutcome> Evaluate(RuleContext context)
    {
        var dc = context.Problem(ProblemCode.DcOffset)?.Value;
        var rumble = RumbleDb(context.Analysis.Spectrum.Ltas);
        var hasRumble = rumble is > RumbleThresholdDb;
        if (dc is null && !hasRumble)
        {
            yield break;
        }

        var settings = hasRumble ? new HighPassSettings(FrequencyHz: 25, Order: 4) : new HighPassSettings(FrequencyHz: 20, Order: 2);
        var inputs = new Dictionary<string, double> { ["highPassHz"] = settings.FrequencyHz };
        var reasons = new List<string>();
        if (dc is { } d)
        {
            inputs["dcOffsetDbfs"] = d;
            reasons.Add($"DC offset of {F(d, "0")} dBFS");
        }

        if (rumble is { } r)
        {
            inputs["rumbleDb"] = Round(r);
            if (hasRumble)
            {
                reasons.Add($"{F(r)} dB of the energy sits below {F(RumbleBelowHz, "0")} Hz (threshold {F(RumbleThresholdDb, "0")} dB)");
            }
        }

        var reason = $"{string.Join(" and ", reasons)} → high-pass at {F(settings.FrequencyHz, "0")} Hz, {settings.Order * 6} dB/octave";
        yield return new RuleOutcome(new DecisionRule(Name, StepNames.HighPass, inputs, Capitalize(reason)), Steps.HighPass(settings));
    }

    private static double? RumbleDb(LtasPoint[] ltas)
    {
        double below = 0, total = 0;
        foreach (var p in ltas)
        {
            if (p.LevelDb is not { } db)
            {
                continue;
            }

            var power = Math.Pow(10, db / 10);
            total += power;
            if (p.FrequencyHz < RumbleBelowHz)
            {
                below += power;
            }
        }

        return total > 0 && below > 0 ? 10 * Math.Log10(below / total) : null;
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
