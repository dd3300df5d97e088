namespace AiMastering.Engine.Mastering;

/// <summary>
/// What the musician asked for, as the engine sees it (the worker maps the job's options onto it).
/// Defaults: streaming (-14 LUFS, -1.0 dBTP), balanced, medium, 24-bit, width off.
/// </summary>
/// <param name="Target">Loudness target and true-peak ceiling.</param>
/// <param name="Style">Tonal direction.</param>
/// <param name="Intensity">How far processing may depart from the mix.</param>
/// <param name="BitDepth">24, or 16 (then TPDF-dithered).</param>
/// <param name="Width">Allow a gentle side lift above ~300 Hz when the mix is narrow.</param>
public sealed record MasteringSettings(
    LoudnessTarget Target,
    MasteringStyle Style = MasteringStyle.Balanced,
    MasteringIntensity Intensity = MasteringIntensity.Medium,
    int BitDepth = 24,
    bool Width = false)
{
    public static MasteringSettings Default { get; } = new(LoudnessTarget.Streaming);

    /// <summary>Settings for a named preset (streaming, apple, youtube, club, cd).</summary>
    public static MasteringSettings FromPreset(
        string target,
        MasteringStyle style = MasteringStyle.Balanced,
        MasteringIntensity intensity = MasteringIntensity.Medium,
        int bitDepth = 24,
        bool width = false) =>
        new MasteringSettings(LoudnessTarget.FromPreset(target), style, intensity, bitDepth, width).Validated();

    /// <summary>Settings for a custom target: <paramref name="lufs"/> -30…-5 LUFS, <paramref name="truePeakDbtp"/> -6…0 dBTP.</summary>
    public static MasteringSettings Custom(
        double lufs,
        double truePeakDbtp,
        MasteringStyle style = MasteringStyle.Balanced,
        MasteringIntensity intensity = MasteringIntensity.Medium,
        int bitDepth = 24,
        bool width = false) =>
        new MasteringSettings(new LoudnessTarget(LoudnessTarget.Custom, lufs, truePeakDbtp), style, intensity, bitDepth, width).Validated();

    /// <summary>Throws <see cref="ArgumentException"/> when a value is out of range; returns this otherwise.</summary>
    public MasteringSettings Validated()
    {
        ArgumentNullException.ThrowIfNull(Target);
        if (Target.Lufs is < -30 or > -5 || double.IsNaN(Target.Lufs))
        {
            throw new ArgumentException($"Loudness target {Target.Lufs} LUFS is outside -30…-5 LUFS.");
        }

        if (Target.TruePeakDbtp is < -6 or > 0 || double.IsNaN(Target.TruePeakDbtp))
        {
            throw new ArgumentException($"True-peak ceiling {Target.TruePeakDbtp} dBTP is outside -6…0 dBTP.");
        }

        if (BitDepth is not (16 or 24))
        {
            throw new ArgumentException($"Bit depth {BitDepth} is not 16 or 24.");
        }

        return this;
    }
}
