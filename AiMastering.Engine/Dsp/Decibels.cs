namespace AiMastering.Engine.Dsp;

/// <summary>
/// Level conversions between decibels and linear amplitude (20·log10) or power (10·log10). Silence gives
/// -infinity; <see cref="OrNull(double)"/> maps it to null for JSON.
/// </summary>
public static class Decibels
{
    public static double ToLinear(double db) => Math.Pow(10.0, db / 20.0);

    /// <summary>20·log10 of an amplitude; zero (and below) is -infinity.</summary>
    public static double FromAmplitude(double amplitude) => amplitude <= 0 ? double.NegativeInfinity : 20.0 * Math.Log10(amplitude);

    /// <summary>10·log10 of a mean square.</summary>
    public static double FromPower(double meanSquare) => 10.0 * Math.Log10(meanSquare);

    /// <summary>Non-finite (silence, -infinity) becomes null; finite values are rounded to 0.01 dB.</summary>
    internal static double? OrNull(double value) => double.IsFinite(value) ? Math.Round(value, 2) : null;

    internal static double? OrNull(double value, int digits) => double.IsFinite(value) ? Math.Round(value, digits) : null;

    /// <summary>Smoothing coefficient of a one-pole filter with the given time constant (1 − 1/e).</summary>
    internal static double OnePoleCoefficient(double timeMs, int sampleRate) =>
        timeMs <= 0 ? 0.0 : Math.Exp(-1000.0 / (timeMs * sampleRate));
}
