namespace AiMastering.Engine.Mastering.Rules;

/// <summary>
/// Tonal targets of each style, as band deviations from pink noise relative to the low mids (250 Hz–2 kHz):
/// commercial masters typically sit a few dB above pink in the bass and below it in the highs.
/// </summary>
internal static class StyleTargets
{
    public static (double Bass, double HighMids, double Highs) For(MasteringStyle style) => style switch
    {
        MasteringStyle.Warm => (4.5, -2.5, -6.5),
        MasteringStyle.Bright => (2.5, -0.5, -3.0),
        _ => (3.5, -1.5, -4.5),
    };
}
