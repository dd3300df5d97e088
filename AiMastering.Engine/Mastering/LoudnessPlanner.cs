using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// Decides the loudness the loop aims for. An already-loud mix (PLR under <see cref="LowPlrDb"/>: densely limited) gets no further loudness push; a target that would need more than the intensity's limiting budget
/// (estimated peak reduction = gain + pre-limiter true peak − ceiling) stops at the budget.
/// </summary>
internal static class LoudnessPlanner
{
    public const double LowPlrDb = 8;

    public static double LimitingBudgetDb(MasteringIntensity intensity) => intensity switch
    {
        MasteringIntensity.Low => 5,
        MasteringIntensity.High => 11,
        _ => 8,
    };

    public static LoudnessPlan Plan(AudioAnalysis mix, LoudnessMeter.Reading pre, LoudnessTarget target, MasteringIntensity intensity)
    {
        var mixLufs = mix.Loudness.IntegratedLufs ?? pre.IntegratedLufs;
        var mixPlr = mix.Dynamics.PlrDb ?? 20;
        var clipped = mix.Problems.Any(p => p.Code is ProblemCode.Clipping);
        var desiredGain = target.Lufs - pre.IntegratedLufs;
        var alreadyLoud = mixPlr < LowPlrDb;
        double? maxGain = null;
        if (alreadyLoud)
        {
            // No loudness push: raise only as far as fits under the ceiling without limiting; when turning down,
            // never raise the gain back to make up for what the limiter shaves off.
            maxGain = desiredGain > 0 ? Math.Max(0, Math.Min(desiredGain, target.TruePeakDbtp - pre.TruePeakDbtp)) : desiredGain;
        }

        var effective = target.Lufs;
        double? needed = null;
        double? budget = null;
        if (!alreadyLoud && double.IsFinite(pre.TruePeakDbtp))
        {
            needed = desiredGain + pre.TruePeakDbtp - target.TruePeakDbtp;
            budget = LimitingBudgetDb(intensity);
            if (needed > budget)
            {
                effective = target.Lufs - (needed.Value - budget.Value);
            }
        }

        return new LoudnessPlan(
            target.Lufs, effective, target.TruePeakDbtp, target.Name, mixLufs, mixPlr, pre.IntegratedLufs, pre.TruePeakDbtp,
            maxGain, alreadyLoud, clipped, needed, budget);
    }
}
