namespace AiMastering.Engine.Dsp;

/// <summary>Kaiser window, w(u) = I0(β·√(1 − u²)) / I0(β) for u in [−1, 1].</summary>
internal static class Kaiser
{
    public static double Window(double u, double beta) =>
        BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - (u * u)))) / BesselI0(beta);

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (var k = 1; k < 60; k++)
        {
            term *= x / (2 * k) * (x / (2 * k));
            sum += term;
            if (term < 1e-14 * sum)
            {
                break;
            }
        }

        return sum;
    }
}
