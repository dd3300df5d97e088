namespace AiMastering.Engine.Dsp;

/// <summary>
/// Normalised biquad coefficients (a0 = 1): <c>y = b0·x + b1·x[n-1] + b2·x[n-2] − a1·y[n-1] − a2·y[n-2]</c>.
/// Designs follow Robert Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter
/// coefficients" (the RBJ Audio EQ Cookbook, W3C Audio EQ Cookbook note), in double precision.
/// </summary>
public readonly record struct BiquadCoefficients(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>Q of a 2nd-order Butterworth section (1/√2).</summary>
    public const double ButterworthQ = 0.70710678118654752;

    public static BiquadCoefficients Identity => new(1, 0, 0, 0, 0);

    public static BiquadCoefficients LowPass(int sampleRate, double frequencyHz, double q)
    {
        var (cos, alpha) = Prewarp(sampleRate, frequencyHz, q);
        return Normalize((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static BiquadCoefficients HighPass(int sampleRate, double frequencyHz, double q)
    {
        var (cos, alpha) = Prewarp(sampleRate, frequencyHz, q);
        return Normalize((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /// <summary>Band-pass with 0 dB peak gain at <paramref name="frequencyHz"/> (RBJ "constant 0 dB peak gain").</summary>
    public static BiquadCoefficients BandPass(int sampleRate, double frequencyHz, double q)
    {
        var (cos, alpha) = Prewarp(sampleRate, frequencyHz, q);
        return Normalize(alpha, 0, -alpha, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static BiquadCoefficients AllPass(int sampleRate, double frequencyHz, double q)
    {
        var (cos, alpha) = Prewarp(sampleRate, frequencyHz, q);
        return Normalize(1 - alpha, -2 * cos, 1 + alpha, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static BiquadCoefficients Peaking(int sampleRate, double frequencyHz, double q, double gainDb)
    {
        var a = Math.Pow(10, gainDb / 40);
        var (cos, alpha) = Prewarp(sampleRate, frequencyHz, q);
        return Normalize(1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a);
    }

    /// <summary>Low shelf; <paramref name="q"/> = 1/√2 gives the steepest shelf without overshoot (S = 1).</summary>
    public static BiquadCoefficients LowShelf(int sampleRate, double frequencyHz, double q, double gainDb)
    {
        var a = Math.Pow(10, gainDb / 40);
        var (cos, alpha) = Prewarp(sampleRate, frequencyHz, q);
        var sq = 2 * Math.Sqrt(a) * alpha;
        return Normalize(
            a * ((a + 1) - (a - 1) * cos + sq),
            2 * a * ((a - 1) - (a + 1) * cos),
            a * ((a + 1) - (a - 1) * cos - sq),
            (a + 1) + (a - 1) * cos + sq,
            -2 * ((a - 1) + (a + 1) * cos),
            (a + 1) + (a - 1) * cos - sq);
    }

    /// <summary>High shelf; <paramref name="q"/> = 1/√2 gives the steepest shelf without overshoot (S = 1).</summary>
    public static BiquadCoefficients HighShelf(int sampleRate, double frequencyHz, double q, double gainDb)
    {
        var a = Math.Pow(10, gainDb / 40);
        var (cos, alpha) = Prewarp(sampleRate, frequencyHz, q);
        var sq = 2 * Math.Sqrt(a) * alpha;
        return Normalize(
            a * ((a + 1) + (a - 1) * cos + sq),
            -2 * a * ((a - 1) + (a + 1) * cos),
            a * ((a + 1) + (a - 1) * cos - sq),
            (a + 1) - (a - 1) * cos + sq,
            2 * ((a - 1) - (a + 1) * cos),
            (a + 1) - (a - 1) * cos - sq);
    }

    /// <summary>First-order low-pass (bilinear transform, pre-warped), as a biquad with b2 = a2 = 0.</summary>
    public static BiquadCoefficients FirstOrderLowPass(int sampleRate, double frequencyHz)
    {
        var k = Math.Tan(Math.PI * frequencyHz / sampleRate);
        return new(k / (1 + k), k / (1 + k), 0, (k - 1) / (k + 1), 0);
    }

    /// <summary>First-order high-pass (bilinear transform, pre-warped), as a biquad with b2 = a2 = 0.</summary>
    public static BiquadCoefficients FirstOrderHighPass(int sampleRate, double frequencyHz)
    {
        var k = Math.Tan(Math.PI * frequencyHz / sampleRate);
        return new(1 / (1 + k), -1 / (1 + k), 0, (k - 1) / (k + 1), 0);
    }

    /// <summary>Magnitude response in dB at <paramref name="frequencyHz"/> (for tests and reports).</summary>
    public double MagnitudeDb(int sampleRate, double frequencyHz)
    {
        var w = 2 * Math.PI * frequencyHz / sampleRate;
        var z1 = System.Numerics.Complex.FromPolarCoordinates(1, -w);
        var z2 = z1 * z1;
        var h = (B0 + (B1 * z1) + (B2 * z2)) / (1 + (A1 * z1) + (A2 * z2));
        return 20 * Math.Log10(h.Magnitude);
    }

    private static (double Cos, double Alpha) Prewarp(int sampleRate, double frequencyHz, double q)
    {
        if (!(frequencyHz > 0 && frequencyHz < sampleRate * 0.49))
        {
            throw new ArgumentOutOfRangeException(nameof(frequencyHz), frequencyHz, $"Must be in (0, {sampleRate * 0.49}) Hz.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(q);
        var w0 = 2 * Math.PI * frequencyHz / sampleRate;
        return (Math.Cos(w0), Math.Sin(w0) / (2 * q));
    }

    private static BiquadCoefficients Normalize(double b0, double b1, double b2, double a0, double a1, double a2) =>
        new(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
}
