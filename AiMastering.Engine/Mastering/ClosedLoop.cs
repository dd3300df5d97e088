using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// Render → measure (the analysis engine's full analysis: BS.1770 loudness and 4× true peak, kept as the master's) →
/// correct the gain into the limiter → render again, until integrated loudness is within <see cref="ToleranceLu"/> of
/// the target and the true peak is at or under the ceiling. Limiting makes the master rise by less than the gain, so
/// the gain is not stepped blindly: with a <see cref="Probe"/> (tracks of 90 s and more) it is searched on a few
/// seconds of windows of the track — before the first render when heavy limiting is ahead, and after every render
/// that missed, calibrated by it — so loud targets land in one or two whole renders instead of four or five; without
/// one, gain steps use the measured loudness-per-dB slope (secant). When the limiter would eat more loudness than
/// the plan's budget (gain − loudness gained), the target is lowered to what the budget allows.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>Internal tolerance, tighter than the ± 0.2 LU promised, to leave room for other meters' rounding.</summary>
    public const double ToleranceLu = 0.1;
    public const int MaxRenders = 6;

    /// <summary>True peak counts as at the ceiling up to this much over it (the meter reports 0.01 dB).</summary>
    public const double PeakToleranceDb = 0.01;

    /// <summary>Renders gain + limiter into the output; returns the limiter's (max, average) gain reduction in dB.</summary>
    public delegate (double MaxGainReductionDb, double AverageGainReductionDb) Render(double gainDb, double ceilingDbtp);

    /// <summary>
    /// A cheap estimate of what a render would measure (<see cref="LimiterProbe"/>): <see cref="RawLufs"/> is the
    /// estimate's own loudness without gain or limiter, <see cref="ReadingAt"/> its loudness and true peak after
    /// gain + limiter.
    /// </summary>
    public sealed class Probe(Func<double> rawLufs, Func<double, double, LoudnessMeter.Reading> readingAt)
    {
        private readonly Lazy<double> raw = new(rawLufs);
        private readonly Dictionary<(double, double), LoudnessMeter.Reading> known = [];

        public double RawLufs => raw.Value;

        /// <summary>Renders of the probe so far.</summary>
        public int Renders => known.Count;

        /// <summary>The estimate after gain + limiter (each gain and ceiling rendered once).</summary>
        public LoudnessMeter.Reading ReadingAt(double gainDb, double ceilingDbtp)
        {
            if (!known.TryGetValue((gainDb, ceilingDbtp), out var reading))
            {
                reading = readingAt(gainDb, ceilingDbtp);
                known[(gainDb, ceilingDbtp)] = reading;
            }

            return reading;
        }
    }

    /// <summary>Peak reduction (dB) above which the first gain is searched on the probe rather than taken as target − pre-limiter loudness.</summary>
    public const double ProbeFirstRenderAboveDb = 2;

    /// <summary>The probe search stops within this many LU of its goal.</summary>
    public const double ProbeToleranceLu = 0.05;

    /// <summary>The budget is searched to ± <see cref="ProbeToleranceLu"/> × this many dB (a stop point, not a promise).</summary>
    private const double LossDbPerLu = 5;

    public const int MaxProbeGuesses = 10;

    /// <param name="rendered">Told the number of each whole render once it has been measured.</param>
    public static LoopResult Run(LoudnessPlan plan, Render render, Func<LoudnessMeter.Reading> measure, Action<int>? rendered, CancellationToken ct, Probe? probe = null)
    {
        var target = plan.EffectiveLufs;
        double? budgetStop = null;
        var ceiling = plan.CeilingDbtp;
        var limiterCeiling = ceiling;
        var gain = plan.InitialGainDb;
        if (probe is not null && plan.PreTruePeakDbtp + gain - ceiling > ProbeFirstRenderAboveDb && double.IsFinite(probe.RawLufs))
        {
            // Heavy limiting ahead: the limiter will eat part of the gain. Whole track ≈ pre-limiter loudness + what the
            // probe's windows gain, so search the gain on the windows before the first whole render.
            (gain, limiterCeiling, target, budgetStop) = Search(plan, probe, plan.PreLufs - probe.RawLufs, gain, 1.0, limiterCeiling);
        }

        var log = new List<LoopIteration>();
        (double Gain, double Lufs)? previous = null;
        LoopResult? best = null;
        LoopResult? last = null;
        for (var i = 1; i <= MaxRenders; i++)
        {
            ct.ThrowIfCancellationRequested();
            var (maxGr, avgGr) = render(gain, limiterCeiling);
            var reading = measure();
            log.Add(new LoopIteration(i, Math.Round(gain, 3), Math.Round(limiterCeiling, 3), Math.Round(reading.IntegratedLufs, 3), Math.Round(reading.TruePeakDbtp, 3), Math.Round(maxGr, 2)));
            rendered?.Invoke(i);
            var slope = 1.0;
            if (previous is { } p && Math.Abs(gain - p.Gain) > 1e-6)
            {
                slope = Math.Clamp((reading.IntegratedLufs - p.Lufs) / (gain - p.Gain), 0.05, 1.0);
            }

            // Loudness the limiter ate: what the gain should have added minus what was gained.
            var loss = gain - (reading.IntegratedLufs - plan.PreLufs);
            if (probe is null && plan.LimitingBudgetDb is { } budget && loss > budget + 0.25 && reading.IntegratedLufs >= target - 1.0)
            {
                budgetStop = Math.Max(budgetStop ?? 0, loss);
                var s = slope < 1.0 ? slope : 0.5;
                var budgetGain = gain - ((loss - budget) / (1 - s + 1e-3));
                target = Math.Min(target, plan.PreLufs + budgetGain - budget);
                best = null;
            }

            var error = target - reading.IntegratedLufs;
            var peakOk = reading.TruePeakDbtp <= ceiling + PeakToleranceDb;
            var capped = plan.MaxGainDb is { } max && gain >= max - 1e-9 && error > 0;
            var converged = peakOk && (Math.Abs(error) <= ToleranceLu || capped);
            var result = new LoopResult(target, budgetStop, gain, limiterCeiling, reading.IntegratedLufs, reading.TruePeakDbtp, maxGr, avgGr, converged, [.. log]);
            last = result;
            if (converged || !double.IsFinite(reading.IntegratedLufs))
            {
                return result;
            }

            if (peakOk && (best is null || Math.Abs(target - best.IntegratedLufs) > Math.Abs(error)))
            {
                best = result;
            }

            if (i == MaxRenders)
            {
                break;
            }

            // Calibrate the probe on this render: whole track ≈ offset + probe, at the limiter ceiling it ran with.
            var offset = probe is null ? 0 : reading.IntegratedLufs - probe.ReadingAt(gain, limiterCeiling).IntegratedLufs;
            if (!peakOk)
            {
                limiterCeiling -= reading.TruePeakDbtp - ceiling + 0.02;
            }

            previous = (gain, reading.IntegratedLufs);

            // Windows that are silent where the track is not (a short piece in a long silence) cannot be calibrated.
            if (probe is not null && double.IsFinite(offset))
            {
                var before = target;
                (gain, limiterCeiling, target, budgetStop) = Search(plan, probe, offset, gain, slope, limiterCeiling);
                if (peakOk && Math.Abs(target - reading.IntegratedLufs) <= ToleranceLu)
                {
                    // The calibrated search moved the target (e.g. the budget no longer binds) onto what this render
                    // measured: it is the master.
                    return result with { TargetLufs = target, BudgetStopLossDb = budgetStop, Converged = true };
                }

                best = Math.Abs(target - before) < 1e-9 ? best : null;
                continue;
            }

            gain += error / slope;
            if (plan.MaxGainDb is { } cap)
            {
                gain = Math.Min(gain, cap);
            }
        }

        // Not converged within MaxRenders: re-render the best attempt so the output matches what we report.
        if (best is not null && !ReferenceEquals(best, last))
        {
            var (maxGr, avgGr) = render(best.GainDb, best.LimiterCeilingDbtp);
            var reading = measure();
            log.Add(new LoopIteration(log.Count + 1, Math.Round(best.GainDb, 3), Math.Round(best.LimiterCeilingDbtp, 3), Math.Round(reading.IntegratedLufs, 3), Math.Round(reading.TruePeakDbtp, 3), Math.Round(maxGr, 2)));
            return best with { IntegratedLufs = reading.IntegratedLufs, TruePeakDbtp = reading.TruePeakDbtp, LimiterMaxGainReductionDb = maxGr, LimiterAverageGainReductionDb = avgGr, Iterations = [.. log] };
        }

        return last!;
    }

    /// <summary>
    /// The gain whose estimated whole-track loudness (<paramref name="offset"/> + probe) reaches the requested target
    /// or, if that comes first, where the limiter eats the plan's whole budget (gain − loudness gained); then the
    /// target is lowered to the loudness estimated there. Both grow with the gain, so one search finds the first.
    /// When the windows' true peak (the BS.1770 4× meter, which can read a few hundredths of a dB above the limiter's
    /// own 8× detection on dense, bright material) is over the ceiling there, the limiter's ceiling is lowered and
    /// the gain searched again, so the whole render does not miss on its peak.
    /// </summary>
    private static (double Gain, double LimiterCeiling, double Target, double? BudgetStop) Search(LoudnessPlan plan, Probe probe, double offset, double gain, double slope, double limiterCeiling)
    {
        var budget = plan.LimitingBudgetDb;

        // The meter's excess over the limiter's ceiling hardly depends on the gain once the limiter works hard: read it
        // at the starting gain and start the search with the limiter's ceiling already lowered by it.
        var first = probe.ReadingAt(gain, limiterCeiling).TruePeakDbtp;
        if (first > plan.CeilingDbtp + PeakToleranceDb)
        {
            limiterCeiling -= first - plan.CeilingDbtp + 0.02;
        }

        for (var attempt = 0; ; attempt++)
        {
            var target = plan.EffectiveLufs;
            var maxLoss = 0.0;
            var ceiling = limiterCeiling;
            (double Loudness, double Budget) Errors(double g)
            {
                var lufs = offset + probe.ReadingAt(g, ceiling).IntegratedLufs;
                var loss = g - (lufs - plan.PreLufs);
                maxLoss = Math.Max(maxLoss, loss);
                return (lufs - target, budget is { } b ? (loss - b) / LossDbPerLu : double.NegativeInfinity);
            }

            // Whichever comes first as the gain rises: the target reached, or the budget eaten.
            double First(double g)
            {
                var (loudness, overBudget) = Errors(g);
                return Math.Max(loudness, overBudget);
            }

            (gain, _) = Solve(First, gain, slope, plan.MaxGainDb, ProbeToleranceLu);
            var (loudness, overBudget) = Errors(gain);
            // The budget stop is decided afresh by every search (the target is recomputed from the request).
            double? stop = null;
            if (budget is not null && overBudget >= loudness && loudness < -ProbeToleranceLu)
            {
                stop = maxLoss;
                target += loudness;
            }

            var peak = probe.ReadingAt(gain, ceiling).TruePeakDbtp;
            if (peak <= plan.CeilingDbtp + PeakToleranceDb || attempt == 2)
            {
                return (gain, ceiling, target, stop);
            }

            limiterCeiling -= peak - plan.CeilingDbtp + 0.02;
        }
    }

    // Root of an increasing f by secant steps kept inside a bracket once one is found (bisection when a step leaves it).
    // Returns the best x and f(x).
    private static (double X, double F) Solve(Func<double, double> f, double x, double slope, double? cap, double tolerance)
    {
        var fx = f(x);
        double? lo = null, hi = null;
        var best = (X: x, F: fx);
        for (var i = 1; i < MaxProbeGuesses && Math.Abs(fx) > tolerance; i++)
        {
            if (fx < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            var next = x - (fx / Math.Clamp(slope, 0.05, 1.0));
            if (cap is { } c)
            {
                if (x >= c - 1e-9 && fx < 0)
                {
                    break;
                }

                next = Math.Min(next, c);
            }

            if ((lo is { } a && next <= a) || (hi is { } b && next >= b))
            {
                next = lo is not null && hi is not null ? (lo.Value + hi.Value) / 2 : next;
            }

            var fn = f(next);
            if (Math.Abs(next - x) > 1e-9)
            {
                slope = (fn - fx) / (next - x);
            }

            (x, fx) = (next, fn);
            if (Math.Abs(fx) < Math.Abs(best.F))
            {
                best = (x, fx);
            }
        }

        return best;
    }
}
