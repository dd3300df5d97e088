using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// Decides the loudness the loop aims for. An already-loud mix (PLR under <see cref="LowPlrDb"/>: densely limited) gets no further loudness push; the closed loop stops short of a target that would need more limiting than the
/// intensity's budget (<see cref="LimitingBudgetDb"/>).
/// </summary>
internal static class LoudnessPlanner
{
    public const double LowPlrDb = 8;

    /// <summary>
    /// Most loudness the limiter may eat (gain into it minus the loudness gained, dB) before the loop stops short.
    /// </summary>
    public static double LimitingBudgetDb(MasteringIntensity intensity) => intensity.Pick(2, 4, 6);

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

        return new LoudnessPlan(
            target.Lufs, target.Lufs, target.TruePeakDbtp, target.Source, mixLufs, mixPlr, pre.IntegratedLufs, pre.TruePeakDbtp,
            maxGain, alreadyLoud, clipped, alreadyLoud ? null : LimitingBudgetDb(intensity));
    }
}
