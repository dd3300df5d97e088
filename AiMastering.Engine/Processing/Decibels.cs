namespace AiMastering.Engine.Processing;

/// <summary>Conversions between decibels and linear amplitude (20·log10).</summary>
public static class Decibels
{
    public static double ToLinear(double db) => Math.Pow(10.0, db / 20.0);

    public static double FromLinear(double linear) => linear <= 0 ? double.NegativeInfinity : 20.0 * Math.Log10(linear);

    /// <summary>Smoothing coefficient of a one-pole filter with the given time constant (1 − 1/e).</summary>
    internal static double OnePoleCoefficient(double timeMs, int sampleRate) =>
        timeMs <= 0 ? 0.0 : Math.Exp(-1000.0 / (timeMs * sampleRate));
}
