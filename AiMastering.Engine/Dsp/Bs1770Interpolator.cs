namespace AiMastering.Engine.Dsp;

/// <summary>
/// The 4× interpolator of the analysis engine's true-peak meter (ITU-R BS.1770-4 Annex 2: 12 taps per phase, the
/// length of the Annex's example filter; Kaiser-windowed sinc, β = 7). It lives here so the limiter can bound the
/// very points the meter reads as well as its own finer, longer estimate (see Processing/TruePeakDetector).
/// </summary>
internal static class Bs1770Interpolator
{
    public const int Oversampling = 4;

    /// <summary>Half-length of the interpolation kernel in input samples (taps per phase = 2 x this).</summary>
    public const int HalfTaps = 6;

    public const int TapsPerPhase = 2 * HalfTaps;

    private const double KaiserBeta = 7.0;

    /// <summary>Coefficients per phase p = 1..3 (value at n + p/4): tap k multiplies x[n - HalfTaps + 1 + k].</summary>
    public static readonly float[][] Phases = Build();

    // Kaiser-windowed sinc g(t) = sinc(t) w(t/HalfTaps); phase p (offset p/4) tap k sits at t = p/4 + HalfTaps - 1 - k.
    // Each phase is normalized to unity gain at DC.
    private static float[][] Build()
    {
        var phases = new float[Oversampling - 1][];
        for (var p = 1; p < Oversampling; p++)
        {
            var coefficients = new double[TapsPerPhase];
            for (var k = 0; k < TapsPerPhase; k++)
            {
                var t = (p / (double)Oversampling) + HalfTaps - 1 - k;
                coefficients[k] = Sinc(t) * Kaiser(t / HalfTaps);
            }

            var sum = coefficients.Sum();
            phases[p - 1] = coefficients.Select(c => (float)(c / sum)).ToArray();
        }

        return phases;
    }

    private static double Sinc(double t) => t == 0 ? 1.0 : Math.Sin(Math.PI * t) / (Math.PI * t);

    private static double Kaiser(double x) =>
        Math.Abs(x) >= 1 ? 0 : BesselI0(KaiserBeta * Math.Sqrt(1 - (x * x))) / BesselI0(KaiserBeta);

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (var k = 1; k < 50; k++)
        {
            term *= x / (2 * k) * (x / (2 * k));
            sum += term;
        }

        return sum;
    }
}
