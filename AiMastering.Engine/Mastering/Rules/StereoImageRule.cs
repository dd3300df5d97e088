using AiMastering.Engine.Processing;
using static AiMastering.Engine.Mastering.Rules.RuleContext;

namespace AiMastering.Engine.Mastering.Rules;

/// <summary>
/// Wide or out-of-phase lows → mono below 120 Hz; a narrow mix with width on → gentle side lift above 300 Hz.
/// Both configure the one M/S <see cref="StereoWidth"/> processor.
/// </summary>
internal sealed class StereoImageRule : IMasteringRule
{
    public const string MonoLowsName = "monoLowEnd";
    public const string NarrowName = "narrowStereo";
    private const double LowCorrelationLimit = 0.7;
    private const double LowSideLimitDb = -12;
    private const double NarrowSideToMidDb = -15;
    private const double NarrowCorrelation = 0.9;

    public IEnumerable<RuleOutcome> Evaluate(RuleContext context)
    {
        if (!context.IsStereo)
        {
            yield break;
        }

        var stereo = context.Analysis.Stereo;
        var lows = stereo.Bands.Where(b => b.Name is "sub" or "bass").ToList();
        var lowCorrelation = lows.Select(b => b.Correlation).Where(c => c is not null).Select(c => c!.Value).DefaultIfEmpty(1).Min();
        var lowSide = lows.Select(b => b.SideToMidDb).Where(s => s is not null).Select(s => s!.Value).DefaultIfEmpty(double.NegativeInfinity).Max();
        var monoLows = lowCorrelation < LowCorrelationLimit || lowSide > LowSideLimitDb;

        var side = stereo.SideToMidDb ?? double.NegativeInfinity;
        var correlation = stereo.Correlation ?? 1;
        var narrow = context.Settings.Width && (side < NarrowSideToMidDb || correlation > NarrowCorrelation);
        if (!monoLows && !narrow)
        {
            yield break;
        }

        var settings = new StereoWidthSettings(
            SideGainDb: narrow ? context.ByIntensity(1.5, 2, 3) : 0,
            SideFrequencyHz: 300,
            MonoBelowHz: monoLows ? 120 : 0);
        var step = Steps.Width(settings);
        if (monoLows)
        {
            var inputs = new Dictionary<string, double> { ["lowCorrelation"] = Round(lowCorrelation, 2) };
            if (!double.IsNegativeInfinity(lowSide))
            {
                inputs["lowSideToMidDb"] = Round(lowSide);
            }

            var why = lowCorrelation < LowCorrelationLimit
                ? $"The low end is poorly correlated between left and right (correlation {F(lowCorrelation, "0.00")} below 250 Hz)"
                : $"The low end is wide (side {F(lowSide)} dB against mid below 250 Hz)";
            yield return new RuleOutcome(new DecisionRule(MonoLowsName, StepNames.StereoWidth, inputs, why + " → mono below 120 Hz for a solid, mono-safe bass"), step);
            step = null;
        }

        if (narrow)
        {
            var inputs = new Dictionary<string, double> { ["correlation"] = Round(correlation, 2), ["sideGainDb"] = settings.SideGainDb };
            if (!double.IsNegativeInfinity(side))
            {
                inputs["sideToMidDb"] = Round(side);
            }

            var why = $"Width is on and the mix is narrow (correlation {F(correlation, "0.00")}, side {(double.IsNegativeInfinity(side) ? "silent" : F(side) + " dB")} against mid) → side lift +{F(settings.SideGainDb)} dB above 300 Hz";
            yield return new RuleOutcome(new DecisionRule(NarrowName, StepNames.StereoWidth, inputs, why), step);
        }
    }
}
