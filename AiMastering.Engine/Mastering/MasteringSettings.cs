namespace AiMastering.Engine.Mastering;

/// <summary>
/// What the musician asked for, as the engine sees it: plain numbers (the worker and the CLI map the catalog's choices
/// onto them). Defaults: -14 LUFS, -1.0 dBTP, the balanced tone, medium intensity, 24-bit, width off.
/// </summary>
/// <param name="Target">Loudness target and true-peak ceiling.</param>
/// <param name="Style">Tonal direction.</param>
/// <param name="Intensity">How far processing may depart from the mix.</param>
/// <param name="BitDepth">24, or 16 (then TPDF-dithered).</param>
/// <param name="Width">Allow a gentle side lift above ~300 Hz when the mix is narrow.</param>
public sealed record MasteringSettings(
    LoudnessTarget Target,
    MasteringStyle Style,
    MasteringIntensity Intensity,
    int BitDepth = 24,
    bool Width = false)
{
    /// <summary>The numbers of the catalog's defaults (streaming, balanced, medium; the consistency test keeps them equal), unnamed.</summary>
    public static MasteringSettings Default { get; } = new(new LoudnessTarget(-14, -1.0), MasteringStyle.Default, MasteringIntensity.Default);

    /// <summary>Throws <see cref="ArgumentException"/> when a value is out of what the engine can do; returns this otherwise.</summary>
    public MasteringSettings Validated()
    {
        ArgumentNullException.ThrowIfNull(Target);
        ArgumentNullException.ThrowIfNull(Style);
        ArgumentNullException.ThrowIfNull(Intensity);
        if (!double.IsFinite(Target.Lufs) || Target.Lufs >= 0)
        {
            throw new ArgumentException($"Loudness target {Target.Lufs} LUFS is not a loudness below full scale.");
        }

        if (!double.IsFinite(Target.TruePeakDbtp) || Target.TruePeakDbtp > 0)
        {
            throw new ArgumentException($"True-peak ceiling {Target.TruePeakDbtp} dBTP is above full scale.");
        }

        if (BitDepth is not (16 or 24))
        {
            throw new ArgumentException($"Bit depth {BitDepth} is not 16 or 24.");
        }

        return this;
    }
}
