using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Matching;

/// <summary>
/// Variable fractional-octave smoothing of a long-term power spectrum onto a 1/24-octave grid from 20 Hz
/// to 20 kHz, as power density (dB per Hz, so windows of different widths compare). The window is wider
/// in the lows, where a song's key and bass notes make the spectrum lumpy and a precise match would chase
/// the notes: 1 octave up to 40 Hz, narrowing to 1/3 octave at 250 Hz and 1/6 octave from 1 kHz.
/// </summary>
internal static class SmoothedSpectrum
{
    public const double LowestHz = 20;
    public const double HighestHz = 20000;
    public const int PointsPerOctave = 24;

    /// <summary>The common grid of all match curves.</summary>
    public static double[] Grid()
    {
        var count = (int)Math.Floor(Math.Log2(HighestHz / LowestHz) * PointsPerOctave) + 1;
        return [.. Enumerable.Range(0, count).Select(j => LowestHz * Math.Pow(2, j / (double)PointsPerOctave))];
    }

    /// <summary>Smoothing width in octaves at a frequency.</summary>
    public static double WidthOctaves(double hz)
    {
        var x = Math.Log2(hz);
        ReadOnlySpan<(double Hz, double Octaves)> knots = [(40, 1.0), (250, 1.0 / 3), (1000, 1.0 / 6)];
        if (hz <= knots[0].Hz)
        {
            return knots[0].Octaves;
        }

        for (var i = 1; i < knots.Length; i++)
        {
            if (hz <= knots[i].Hz)
            {
                var t = (x - Math.Log2(knots[i - 1].Hz)) / (Math.Log2(knots[i].Hz) - Math.Log2(knots[i - 1].Hz));
                return knots[i - 1].Octaves + (t * (knots[i].Octaves - knots[i - 1].Octaves));
            }
        }

        return knots[^1].Octaves;
    }

    /// <summary>Smoothed density in dB at the grid points below 0.95 × Nyquist (silent windows give a very low floor, not −∞).</summary>
    public static SpectrumPoint[] Smooth(double[] power, double binHz, int sampleRate)
    {
        var limit = sampleRate * 0.5 * 0.95;
        var points = new List<SpectrumPoint>();
        foreach (var hz in Grid())
        {
            if (hz > limit)
            {
                break;
            }

            var half = Math.Pow(2, WidthOctaves(hz) / 2);
            var low = hz / half;
            var high = Math.Min(hz * half, limit);
            var density = FractionalOctave.BandPower(power, binHz, low, high) / (high - low);
            points.Add(new SpectrumPoint(hz, 10 * Math.Log10(density + 1e-20)));
        }

        return [.. points];
    }
}
