using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Matching;

/// <summary>Helpers for curves given as <see cref="SpectrumPoint"/> lists sorted by frequency.</summary>
internal static class Curve
{
    /// <summary>Linear interpolation in log-frequency; held flat beyond the first and last points.</summary>
    public static double At(IReadOnlyList<SpectrumPoint> curve, double hz)
    {
        if (curve.Count == 0)
        {
            return 0;
        }

        if (hz <= curve[0].Hz)
        {
            return curve[0].Db;
        }

        if (hz >= curve[^1].Hz)
        {
            return curve[^1].Db;
        }

        int low = 0, high = curve.Count - 1;
        while (high - low > 1)
        {
            var mid = (low + high) / 2;
            if (curve[mid].Hz <= hz)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        var t = Math.Log(hz / curve[low].Hz) / Math.Log(curve[high].Hz / curve[low].Hz);
        return curve[low].Db + (t * (curve[high].Db - curve[low].Db));
    }

    public static bool IsFlat(IReadOnlyList<SpectrumPoint>? curve) => curve is null || curve.All(p => Math.Abs(p.Db) < 1e-6);

    public static double MaxAbs(IReadOnlyList<SpectrumPoint> curve) => curve.Count == 0 ? 0 : curve.Max(p => Math.Abs(p.Db));
}
