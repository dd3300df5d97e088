using static AiMastering.Engine.Mastering.Rules.RuleContext;

namespace AiMastering.Engine.Mastering.Rules;

/// <summary>The rules of the loudness stage (gain, limiter, dither), written once the closed loop has settled.</summary>
internal static class LoudnessRules
{
    public const string AlreadyLoudName = "alreadyLoud";
    public const string LimitingBudgetName = "limitingBudget";
    public const string TargetName = "loudnessTarget";
    public const string CeilingName = "truePeakCeiling";
    public const string DitherName = "dither";

    public static IEnumerable<RuleOutcome> Build(LoudnessPlan plan, LoopResult loop, int bitDepth)
    {
        if (plan.AlreadyLoud)
        {
            var inputs = new Dictionary<string, double> { ["mixLufs"] = Round(plan.MixLufs), ["plrDb"] = Round(plan.MixPlrDb), ["targetLufs"] = plan.RequestedLufs };
            string reason, warning;
            if (plan.MixLufs > plan.RequestedLufs)
            {
                reason = $"The mix is already at {F(plan.MixLufs)} LUFS, louder than the {F(plan.RequestedLufs)} LUFS target (PLR {F(plan.MixPlrDb)} dB) → no loudness push: it is only turned down{(loop.LimiterMaxGainReductionDb >= 0.1 ? $" (the limiter still shaves up to {F(loop.LimiterMaxGainReductionDb)} dB off peaks over the ceiling)" : ", the limiter has nothing to do")}";
                warning = $"The mix is already louder ({F(plan.MixLufs)} LUFS) than the target ({F(plan.RequestedLufs)} LUFS) and heavily limited; the master is only turned down{(loop.LimiterMaxGainReductionDb >= 0.1 ? ", and the limiter only catches the peaks still over the ceiling" : ", with no extra limiting")}.";
            }
            else
            {
                reason = $"The mix is already densely limited (PLR {F(plan.MixPlrDb)} dB, under {F(LoudnessPlanner.LowPlrDb, "0")} dB) → no further loudness push: gain capped at {F(plan.MaxGainDb ?? 0, "+0.0;-0.0")} dB so the limiter does not squash it more";
                warning = $"The mix is already heavily limited (peak-to-loudness ratio {F(plan.MixPlrDb)} dB); it was not pushed further, so it stays at about {F(loop.IntegratedLufs)} LUFS instead of {F(plan.RequestedLufs)} LUFS.";
            }

            if (plan.MixClipped)
            {
                inputs["clipped"] = 1;
                warning += " The mix contains clipped peaks, which mastering cannot repair.";
            }

            yield return new RuleOutcome(new DecisionRule(AlreadyLoudName, StepNames.Gain, inputs, reason), Warning: warning);
        }

        if (loop.BudgetStopLossDb is { } loss && plan.LimitingBudgetDb is { } budget)
        {
            var inputs = new Dictionary<string, double>
            {
                ["limitingLossDb"] = Round(loss),
                ["budgetDb"] = budget,
                ["requestedLufs"] = plan.RequestedLufs,
                ["effectiveLufs"] = Round(loop.TargetLufs),
            };
            var reason = $"Pushing towards {F(plan.RequestedLufs)} LUFS made the limiter eat {F(loss)} dB of loudness, more than the {F(budget, "0")} dB allowed at this intensity → stopped at {F(loop.TargetLufs)} LUFS";
            var warning = $"The target of {F(plan.RequestedLufs)} LUFS would need heavy limiting (the limiter ate {F(loss)} dB of loudness on the way), which would crush the transients; the master stops at {F(loop.IntegratedLufs)} LUFS. Choose high intensity or a lower target to go further.";
            yield return new RuleOutcome(new DecisionRule(LimitingBudgetName, StepNames.Limiter, inputs, reason), Warning: warning);
        }

        var gainInputs = new Dictionary<string, double>
        {
            ["mixLufs"] = Round(plan.MixLufs, 2),
            ["preLimiterLufs"] = Round(plan.PreLufs, 2),
            ["targetLufs"] = Round(loop.TargetLufs, 2),
            ["gainDb"] = Round(loop.GainDb, 2),
            ["masterLufs"] = Round(loop.IntegratedLufs, 2),
            ["renders"] = loop.Iterations.Count,
        };
        var gainReason = $"Loudness before the limiter is {F(plan.PreLufs, "0.00")} LUFS, the target {F(loop.TargetLufs)} LUFS → {F(loop.GainDb, "+0.00;-0.00")} dB into the limiter; the master measures {F(loop.IntegratedLufs, "0.00")} LUFS after {loop.Iterations.Count} render(s)";
        yield return new RuleOutcome(new DecisionRule(TargetName, StepNames.Gain, gainInputs, gainReason));

        var peakBefore = plan.PreTruePeakDbtp + loop.GainDb;
        var limiterInputs = new Dictionary<string, double>
        {
            ["ceilingDbtp"] = plan.CeilingDbtp,
            ["peakIntoLimiterDbtp"] = Round(peakBefore),
            ["maxGainReductionDb"] = Round(loop.LimiterMaxGainReductionDb),
            ["averageGainReductionDb"] = Round(loop.LimiterAverageGainReductionDb, 2),
            ["masterTruePeakDbtp"] = Round(loop.TruePeakDbtp, 2),
        };
        var limiterReason = peakBefore > plan.CeilingDbtp
            ? $"Peaks would reach {F(peakBefore)} dBTP, over the {F(plan.CeilingDbtp)} dBTP ceiling → true-peak limiter (8× oversampled), up to {F(loop.LimiterMaxGainReductionDb)} dB of gain reduction"
            : $"Peaks stay at {F(peakBefore)} dBTP, under the {F(plan.CeilingDbtp)} dBTP ceiling → true-peak limiter as a safety net only";
        yield return new RuleOutcome(new DecisionRule(CeilingName, StepNames.Limiter, limiterInputs, limiterReason));

        if (bitDepth == 16)
        {
            var inputs = new Dictionary<string, double> { ["bitDepth"] = 16 };
            yield return new RuleOutcome(new DecisionRule(DitherName, StepNames.Dither, inputs, "16-bit output requested → TPDF dither before quantising, so quiet passages fade into noise instead of distortion"));
        }
    }
}
