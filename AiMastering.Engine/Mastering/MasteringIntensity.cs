namespace AiMastering.Engine.Mastering;

/// <summary>
/// How far processing may depart from the mix (EQ amounts, compression ratios, limiting budget). Every rule has a
/// gentlest, a middle and a strongest setting; <see cref="Level"/> 0, 1 and 2 pick them exactly, levels in between
/// interpolate, levels outside 0–2 are clamped. <see cref="Name"/> is the caller's word for it, used in reasons.
/// </summary>
public sealed record MasteringIntensity(string Name, double Level)
{
    /// <summary>The catalog's <c>medium</c> (the engine's default; the consistency test keeps them equal).</summary>
    public static MasteringIntensity Default { get; } = new("medium", 1);

    /// <summary>The value of a rule's setting at this level, from its values at levels 0, 1 and 2.</summary>
    public double Pick(double low, double medium, double high)
    {
        var level = Math.Clamp(Level, 0, 2);
        return level switch
        {
            0 => low,
            1 => medium,
            2 => high,
            < 1 => low + ((medium - low) * level),
            _ => medium + ((high - medium) * (level - 1)),
        };
    }
}
