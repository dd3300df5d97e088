namespace AiMastering.Engine.Mastering.Rules;

/// <summary>The pre-limiter rules of decision engine v1, in evaluation order.</summary>
internal static class RuleSet
{
    public static IReadOnlyList<IMasteringRule> PreLimiter { get; } =
    [
        new SubsonicRule(),
        new TonalTiltRule(),
        new ExcessiveBassRule(),
        new HarshHighMidsRule(),
        new TransientRule(),
        new CompressionRule(),
        new StereoImageRule(),
    ];
}
