using AiMastering.Engine.Processing;
using static AiMastering.Engine.Mastering.Rules.RuleContext;

namespace AiMastering.Engine.Mastering.Rules;

/// <summary>
/// Compression from the measured dynamics (median PSR, the short-term peak-to-loudness ratio) and the intensity:
/// a 4-band compressor (250 Hz / 2 kHz / 6 kHz) with thresholds above each band's own level, and a slow glue
/// compressor over the whole mix. Material that is already dense (PSR ≤ 9 dB) is not compressed further.
/// </summary>
internal sealed class CompressionRule : IMasteringRule
{
    public const string MultibandName = "multibandCompression";
    public const string GlueName = "glueCompression";
    private const double DensePsrDb = 9;
    private const double GluePsrDb = 10;

    public IEnumerable<RuleOutcome> Evaluate(RuleContext context)
    {
        if (context.Analysis.Dynamics is not { PsrDb: { } psr, RmsDbfs: { } rms } || psr <= DensePsrDb)
        {
            yield break;
        }

        var amount = Math.Clamp((psr - DensePsrDb) / 6, 0, 1);
        var ratio = Math.Round(1 + (amount * context.ByIntensity(0.25, 0.5, 0.9)), 2);
        var bandLevels = BandLevels(context);
        if (ratio >= 1.1 && bandLevels is not null)
        {
            double[] attack = [30, 20, 10, 5];
            double[] release = [250, 200, 150, 100];
            var bands = bandLevels.Select((level, i) => new CompressorSettings(
                ThresholdDb: Math.Round(level + 3), Ratio: ratio, KneeDb: 6, AttackMs: attack[i], ReleaseMs: release[i], Detector: LevelDetector.Rms, RmsWindowMs: 10)).ToArray();
            var settings = new MultibandCompressorSettings([250, 2000, 6000], bands);
            var inputs = new Dictionary<string, double> { ["psrDb"] = Round(psr), ["ratio"] = ratio };
            var reason = $"Median PSR {F(psr)} dB leaves room for gentle density at {context.Settings.Intensity.Name} intensity → 4-band compression {F(ratio, "0.00")}:1, thresholds 3 dB above each band's average level";
            yield return new RuleOutcome(new DecisionRule(MultibandName, StepNames.Multiband, inputs, reason), Steps.Multiband(settings));
        }

        if (psr > GluePsrDb)
        {
            var glueAmount = Math.Clamp((psr - GluePsrDb) / 6, 0, 1);
            var glueRatio = Math.Round(1 + (glueAmount * context.ByIntensity(0.2, 0.4, 0.7)), 2);
            if (glueRatio >= 1.1)
            {
                var settings = new CompressorSettings(ThresholdDb: Math.Round(rms + 2), Ratio: glueRatio, KneeDb: 8, AttackMs: 30, ReleaseMs: 300, Detector: LevelDetector.Rms, RmsWindowMs: 30);
                var inputs = new Dictionary<string, double> { ["psrDb"] = Round(psr), ["rmsDbfs"] = Round(rms), ["ratio"] = glueRatio };
                var reason = $"Median PSR {F(psr)} dB → slow glue compressor {F(glueRatio, "0.00")}:1 from {F(settings.ThresholdDb, "0")} dBFS (2 dB above the mix's RMS), 30 ms attack so transients pass";
                yield return new RuleOutcome(new DecisionRule(GlueName, StepNames.Glue, inputs, reason), Steps.Glue(settings));
            }
        }
    }

    // Mean-square levels of the four compressor bands from the tonal bands (sub + bass, low mids, high mids, highs).
    private static double[]? BandLevels(RuleContext context)
    {
        double Power(string band) => context.Level(band) is { } db ? Math.Pow(10, db / 10) : 0;
        double[] powers = [Power("sub") + Power("bass"), Power("lowMids"), Power("highMids"), Power("highs")];
        if (powers.Take(3).Any(p => p <= 0))
        {
            return null;
        }

        var floor = powers.Take(3).Min() / 1000;
        return [.. powers.Select(p => 10 * Math.Log10(Math.Max(p, floor)))];
    }
}
