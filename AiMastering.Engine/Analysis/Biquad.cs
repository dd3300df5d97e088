namespace AiMastering.Engine.Analysis;

/// <summary>Normalized biquad coefficients (a0 = 1), transfer function (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2).</summary>
internal readonly record struct Biquad(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>Magnitude response at <paramref name="frequencyHz"/> (for tests and documentation).</summary>
    public double MagnitudeAt(double frequencyHz, int sampleRate)
    {
        var w = 2 * Math.PI * frequencyHz / sampleRate;
        var z1 = new System.Numerics.Complex(Math.Cos(-w), Math.Sin(-w));
        var z2 = z1 * z1;
        var num = B0 + (B1 * z1) + (B2 * z2);
        var den = 1 + (A1 * z1) + (A2 * z2);
        return (num / den).Magnitude;
    }
}
