using AiMastering.Engine.Mastering.Rules;
using static AiMastering.Engine.Mastering.Rules.RuleContext;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// Plain-language paragraphs for musicians, built only from decision.json (the rules that fired, with their
/// inputs), the words the caller gave the target and the measured after-figures, so the explanation cannot claim anything that was not done.
/// </summary>
internal static class ExplanationWriter
{
    public static IReadOnlyList<string> Write(DecisionDocument decision, LoudnessTarget aimedFor, LoudnessFigures after)
    {
        var paragraphs = new List<string>();
        var rules = decision.Rules;
        var target = decision.Target;
        var platform = aimedFor.Source == LoudnessTarget.FromReference ? "your reference track" : aimedFor.Describes ?? "your chosen target";

        if (Find(rules, LoudnessRules.TargetName) is { } gain)
        {
            var mix = gain.Inputs["mixLufs"];
            var difference = target.RequestedLufs - mix;
            var how = Math.Abs(difference) < 0.5
                ? $"Your mix was already about as loud as {platform} ({F(target.RequestedLufs)} LUFS), so its level was barely changed"
                : difference > 0
                    ? $"Your mix was {F(difference)} dB quieter than {platform} ({F(target.RequestedLufs)} LUFS), so we raised it"
                    : $"Your mix was {F(-difference)} dB louder than {platform} ({F(target.RequestedLufs)} LUFS), so we turned it down";
            var result = after.IntegratedLufs is { } lufs ? $"; the master measures {F(lufs)} LUFS" : string.Empty;
            paragraphs.Add(how + result + ".");
        }

        if (Find(rules, LoudnessRules.AlreadyLoudName) is { } loud)
        {
            paragraphs.Add(loud.Inputs["mixLufs"] > loud.Inputs["targetLufs"]
                ? $"Your mix was already heavily limited and louder than the target, so we did not push it with more limiting — we only turned it down. Turning it down cannot bring back transients that were flattened in the mix{(loud.Inputs.ContainsKey("clipped") ? ", and the clipped peaks in it stay as they are" : string.Empty)}."
                : $"Your mix was already densely limited (only {F(loud.Inputs["plrDb"])} dB between its peaks and its average loudness), so we did not push it any louder: more limiting would have squashed it audibly.");
        }

        if (Find(rules, LoudnessRules.LimitingBudgetName) is { } budget)
        {
            paragraphs.Add($"Getting all the way to {F(budget.Inputs["requestedLufs"])} LUFS would have needed so much limiting (it was already costing {F(budget.Inputs["limitingLossDb"])} dB of loudness), which flattens drums and makes music tiring, so we stopped at about {F(budget.Inputs["effectiveLufs"])} LUFS. Choose high intensity or a lower target if you want it louder.");
        }

        if (Find(rules, LoudnessRules.CeilingName) is { } limiter)
        {
            var gr = limiter.Inputs["maxGainReductionDb"];
            paragraphs.Add(gr >= 0.1
                ? $"A true-peak limiter keeps the loudest peaks at or below {F(limiter.Inputs["ceilingDbtp"])} dBTP, so the master will not distort when it is turned into MP3/AAC or played on phones; it trimmed the highest peaks by up to {F(gr)} dB."
                : $"A true-peak limiter stands guard at {F(limiter.Inputs["ceilingDbtp"])} dBTP so nothing distorts after MP3/AAC encoding; your peaks stayed under it, so it hardly had to act.");
        }

        foreach (var rule in rules)
        {
            var text = rule.Name switch
            {
                SubsonicRule.Name => $"We removed inaudible energy below {F(rule.Inputs["highPassHz"], "0")} Hz{(rule.Inputs.ContainsKey("dcOffsetDbfs") ? " (including a DC offset)" : string.Empty)}; it only uses up headroom and makes speakers work for nothing.",
                TransientRule.Name => $"Your mix's peaks stand only {F(rule.Inputs["crestFactorDb"])} dB above its average level, which sounds flat, so we gently brought the attack of drums and plucks back up.",
                BandExcessRule.BassName => $"The bass was {F(rule.Inputs["bassExcessDb"])} dB stronger than a balanced master; a dynamic EQ around 90 Hz tames it only in the moments when it booms, and leaves it alone otherwise.",
                BandExcessRule.HighMidsName => $"The upper mids (2–6 kHz) were {F(rule.Inputs["highMidsExcessDb"])} dB stronger than a balanced master, which tends to sound harsh; a dynamic EQ around 3.5 kHz softens them only when they get loud.",
                TonalTiltRule.Name => Tilt(rule),
                StereoImageRule.MonoLowsName => "The low end was spread or out of phase between left and right, so we made everything below 120 Hz mono: the bass stays solid on club systems and does not vanish on mono speakers.",
                StereoImageRule.NarrowName => $"You asked for width and the mix was narrow, so we lifted the sides by {F(rule.Inputs["sideGainDb"])} dB above 300 Hz, leaving the bass and the centre untouched.",
                CompressionRule.MultibandName => $"Your mix had plenty of dynamic range (median {F(rule.Inputs["psrDb"])} dB between short-term peaks and loudness), so a gentle 4-band compressor ({F(rule.Inputs["ratio"], "0.00")}:1) evens out each frequency range a little.",
                CompressionRule.GlueName => $"A slow glue compressor ({F(rule.Inputs["ratio"], "0.00")}:1) holds the mix together without touching the attack of the drums.",
                LoudnessRules.DitherName => "For 16-bit we added dither, so quiet fades end in soft noise instead of grainy distortion.",
                _ => null,
            };
            if (text is not null)
            {
                paragraphs.Add(text);
            }
        }

        foreach (var rule in rules.Where(r => !KnownNames.Contains(r.Name)))
        {
            paragraphs.Add(rule.Reason.EndsWith('.') ? rule.Reason : rule.Reason + ".");
        }

        return paragraphs;
    }

    private static readonly HashSet<string> KnownNames =
    [
        SubsonicRule.Name, TransientRule.Name, BandExcessRule.BassName, BandExcessRule.HighMidsName, TonalTiltRule.Name,
        StereoImageRule.MonoLowsName, StereoImageRule.NarrowName, CompressionRule.MultibandName, CompressionRule.GlueName,
        LoudnessRules.AlreadyLoudName, LoudnessRules.LimitingBudgetName, LoudnessRules.TargetName, LoudnessRules.CeilingName,
        LoudnessRules.DitherName,
    ];

    private static DecisionRule? Find(IReadOnlyList<DecisionRule> rules, string name) => rules.FirstOrDefault(r => r.Name == name);

    private static string Tilt(DecisionRule rule)
    {
        var parts = new List<string>();
        if (rule.Inputs["lowShelfDb"] is var low && low != 0)
        {
            parts.Add(low > 0 ? $"added {F(low)} dB of low end" : $"took {F(-low)} dB off the low end");
        }

        if (rule.Inputs["highShelfDb"] is var high && high != 0)
        {
            parts.Add(high > 0 ? $"added {F(high)} dB of air above 8 kHz" : $"softened the top above 8 kHz by {F(-high)} dB");
        }

        return $"To match the tonal balance of the style you chose we {string.Join(" and ", parts)}.";
    }
}
