namespace AiMastering.Engine.Mastering.Rules;

/// <summary>The pre-limiter rules of decision engine v1, in evaluation order.</summary>
internal static class RuleSet
{
    public static IReadOnlyList<IMasteringRule> PreLimiter { get; } =
    [
        new SubsonicRule(),
        new TonalTiltRule(),
        BandExcessRule.Bass,
        BandExcessRule.HighMids,
        new TransientRule(),
        new CompressionRule(),
        new StereoImageRule(),
    ];

    /// <summary>
    /// With a reference match in front, the match owns tonal balance and stereo width: the style's tone rules and
    /// the width rule would pull it back towards a generic target, so only the corrective rules run.
    /// </summary>
    public static IReadOnlyList<IMasteringRule> AfterReferenceMatch { get; } =
    [
        new SubsonicRule(),
        new TransientRule(),
        new CompressionRule(),
    ];
}
