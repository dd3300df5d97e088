using System.Globalization;
using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Mastering.Rules;

/// <summary>What a rule sees: the analysis of the (pre-processed) mix and the settings, with small helpers.</summary>
internal sealed class RuleContext(AudioAnalysis analysis, MasteringSettings settings)
{
    public AudioAnalysis Analysis { get; } = analysis;

    public MasteringSettings Settings { get; } = settings;

    public bool IsStereo => Analysis.Channels == 2;

    /// <summary>Deviation of a tonal band from pink noise, dB (0 when the band is empty).</summary>
    public double Deviation(string band) =>
        Analysis.Spectrum.Bands.FirstOrDefault(b => b.Name == band)?.DeviationDb ?? 0;

    /// <summary>Mean-square level of a tonal band, dBFS (null when silent).</summary>
    public double? Level(string band) => Analysis.Spectrum.Bands.FirstOrDefault(b => b.Name == band)?.LevelDb;

    public AnalysisProblem? Problem(ProblemCode code) => Analysis.Problems.FirstOrDefault(p => p.Code == code);

    /// <summary>The value for the chosen intensity.</summary>
    public double ByIntensity(double low, double medium, double high) => Settings.Intensity.Pick(low, medium, high);

    public static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static double Round(double value, int digits = 1) => Math.Round(value, digits);
}
