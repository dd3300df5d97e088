namespace AiMastering.Jobs.Model.Catalog;

/// <summary>The ranges of the options a musician may set (the validator, the API's catalog and the CLI use these).</summary>
public static class Limits
{
    /// <summary>A custom integrated loudness target, LUFS.</summary>
    public static ValueRange Lufs { get; } = new(-30, -5);

    /// <summary>A custom true-peak ceiling, dBTP.</summary>
    public static ValueRange TruePeakDbtp { get; } = new(-6, 0);

    /// <summary>How far to match a reference track, %.</summary>
    public static ValueRange Amount { get; } = new(0, 100);

    public const double DefaultAmount = 100;

    /// <summary>Bit depths of master.wav; 16 gets TPDF dither. The first is the default.</summary>
    public static IReadOnlyList<int> BitDepths { get; } = [24, 16];
}
