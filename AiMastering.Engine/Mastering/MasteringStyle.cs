namespace AiMastering.Engine.Mastering;

/// <summary>
/// Tonal direction of the master: the band deviations from pink noise, relative to the low mids (250 Hz–2 kHz), that
/// the tone rules steer towards, in dB. <see cref="Name"/> is the caller's word for it, used in decision.json's reasons.
/// </summary>
public sealed record MasteringStyle(string Name, double BassDb, double HighMidsDb, double HighsDb)
{
    /// <summary>The catalog's <c>balanced</c> (the engine's default; the consistency test keeps them equal).</summary>
    public static MasteringStyle Default { get; } = new("balanced", 3.5, -1.5, -4.5);
}
