namespace AiMastering.Engine.Analysis;

/// <summary>Level conversions. Silence gives -infinity; <see cref="OrNull(double)"/> maps it to null for JSON.</summary>
internal static class Db
{
    public static double FromPower(double meanSquare) => 10.0 * Math.Log10(meanSquare);

    public static double FromAmplitude(double amplitude) => 20.0 * Math.Log10(amplitude);

    /// <summary>Non-finite (silence, -infinity) becomes null; finite values are rounded to 0.01 dB.</summary>
    public static double? OrNull(double value) => double.IsFinite(value) ? Math.Round(value, 2) : null;

    public static double? OrNull(double value, int digits) => double.IsFinite(value) ? Math.Round(value, digits) : null;
}
