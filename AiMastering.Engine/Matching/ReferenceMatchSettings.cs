namespace AiMastering.Engine.Matching;

/// <summary>
/// How closely to follow the reference.
/// </summary>
/// <param name="AmountPercent">0–100 %: scales every match curve (EQ and width); 0 = the match processor is a pass-through.</param>
/// <param name="MaxBoostDb">Largest EQ boost at any frequency (default +12 dB).</param>
/// <param name="MaxCutDb">Largest EQ cut at any frequency (default 12 dB).</param>
/// <param name="MaxWidthChangeDb">Largest side-level change per band relative to the mid (default ±6 dB).</param>
/// <param name="MonoBassHz">Below this the side is never raised (bass stays centred); default 150 Hz.</param>
/// <param name="LowestMatchHz">Below this the EQ curve is held at its value here (no chasing sub-sonic rumble); default 30 Hz.</param>
/// <param name="HighestMatchHz">Above this the EQ curve is held (air band beyond most content); default 18 kHz.</param>
/// <param name="Taps">FIR length of the match equalizer (odd).</param>
public sealed record ReferenceMatchSettings(
    double AmountPercent = 100,
    double MaxBoostDb = 12,
    double MaxCutDb = 12,
    double MaxWidthChangeDb = 6,
    double MonoBassHz = 150,
    double LowestMatchHz = 30,
    double HighestMatchHz = 18000,
    int Taps = MatchEqualizerSettings.DefaultTaps)
{
    /// <summary>The ceiling never goes above this, whatever the reference peaks at (dBTP).</summary>
    public const double HighestCeilingDbtp = -0.3;

    /// <summary>Ceiling used when the reference peaks lower than this (dBTP): its level is matched by loudness, not by peaks.</summary>
    public const double DefaultCeilingDbtp = -1.0;

    public void Validate()
    {
        if (AmountPercent is < 0 or > 100 || double.IsNaN(AmountPercent))
        {
            throw new ArgumentOutOfRangeException(nameof(AmountPercent), AmountPercent, "Amount must be between 0 and 100 %.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MaxBoostDb);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxCutDb);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxWidthChangeDb);
    }
}
