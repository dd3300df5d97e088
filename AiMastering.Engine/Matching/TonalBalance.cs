using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Matching;

/// <summary>Shared curve arithmetic of the matcher: level-free tonal balance and its report form.</summary>
internal static class TonalBalance
{
    public const double MeanLowHz = 62.5;
    public const double MeanHighHz = 16000;

    /// <summary>Mean of a curve over the grid points in 62.5 Hz–16 kHz (equal weight per octave).</summary>
    public static double Mean(Func<double, double> value)
    {
        var points = SmoothedSpectrum.Grid().Where(hz => hz is >= MeanLowHz and <= MeanHighHz).ToArray();
        return points.Average(value);
    }

    /// <summary>A smoothed spectrum at 1/6-octave points, mean 0 dB over 62.5 Hz–16 kHz.</summary>
    public static SpectrumPoint[] ForReport(IReadOnlyList<SpectrumPoint> spectrum)
    {
        var mean = Mean(hz => Curve.At(spectrum, hz));
        var grid = SmoothedSpectrum.Grid();
        var step = SmoothedSpectrum.PointsPerOctave / 6;
        var maxHz = spectrum.Count == 0 ? 0 : spectrum[^1].Hz;
        return [.. grid.Where((_, i) => i % step == 0).Where(hz => hz <= maxHz)
            .Select(hz => new SpectrumPoint(hz, Math.Round(Curve.At(spectrum, hz) - mean, 2)))];
    }

    /// <summary>Value at each octave centre 63 Hz–16 kHz, for decision.json inputs ("gainDb@1kHz").</summary>
    public static Dictionary<string, double> OctaveInputs(IReadOnlyList<SpectrumPoint> curve, string prefix)
    {
        var inputs = new Dictionary<string, double>();
        foreach (var hz in new[] { 63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000 })
        {
            var label = hz >= 1000 ? $"{hz / 1000}kHz" : $"{hz}Hz";
            inputs[$"{prefix}@{label}"] = Math.Round(Curve.At(curve, hz), 2);
        }

        return inputs;
    }

    public static string Hz(double hz) => hz >= 1000
        ? FormattableString.Invariant($"{hz / 1000:0.#} kHz")
        : FormattableString.Invariant($"{hz:0} Hz");
}
