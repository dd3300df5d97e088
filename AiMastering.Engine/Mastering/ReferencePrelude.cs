using AiMastering.Engine.Matching;

namespace AiMastering.Engine.Mastering;

/// <summary>Turns a reference match into the mastering chain's prelude.</summary>
public static class ReferencePrelude
{
    /// <summary>
    /// The match as the mastering engine's chain prelude: the match equalizer first, the rules in decision.json
    /// (all attributed to the "referenceMatch" processor), the reference's loudness (or the platform target)
    /// and the reference-derived ceiling as overrides.
    /// </summary>
    public static ChainPrelude ToPrelude(this ReferenceMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return new(
            [match.CreateEqualizer],
            [.. match.Rules.Select(r => new DecisionRule(r.Name, ReferenceMatch.PreludeProcessorName, r.Inputs, r.Reason))],
            match.TargetLufs,
            match.CeilingDbtp,
            [ReferenceMatch.PreludeProcessorName],
            [new Dictionary<string, double>
            {
                ["amountPercent"] = match.Settings.AmountPercent,
                ["taps"] = match.Settings.Taps,
                ["maxBoostDb"] = match.Settings.MaxBoostDb,
                ["maxCutDb"] = match.Settings.MaxCutDb,
                ["maxWidthChangeDb"] = match.Settings.MaxWidthChangeDb,
            }]);
    }
}
