using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// Render → measure (the analysis engine's full analysis: BS.1770 loudness and 4× true peak, kept as the master's) → correct the gain into the
/// limiter → render again, until integrated loudness is within <see cref="ToleranceLu"/> of the target and the
/// true peak is at or under the ceiling. Gain steps use the measured loudness-per-dB slope (secant), because
/// limiting makes the master rise by less than the gain. When the limiter would eat more loudness than the
/// plan's budget (gain − loudness gained), the target is lowered to what the budget allows.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>Internal tolerance, tighter than the ± 0.2 LU promised, to leave room for other meters' rounding.</summary>
    public const double ToleranceLu = 0.1;
    public const int MaxRenders = 6;

    /// <summary>Renders gain + limiter into the output; returns the limiter's (max, average) gain reduction in dB.</summary>
    public delegate (double MaxGainReductionDb, double AverageGainReductionDb) Render(double gainDb, double ceilingDbtp);

    public static LoopResult Run(LoudnessPlan plan, Render render, Func<LoudnessMeter.Reading> measure, IProgress<string>? progress, CancellationToken ct)
    {
        var target = plan.EffectiveLufs;
        double? budgetStop = null;
        var ceiling = plan.CeilingDbtp;
        var limiterCeiling = ceiling;
        var gain = plan.InitialGainDb;
        var log = new List<LoopIteration>();
        (double Gain, double Lufs)? previous = null;
        LoopResult? best = null;
        LoopResult? last = null;
        for (var i = 1; i <= MaxRenders; i++)
        {
            ct.ThrowIfCancellationRequested();
            var (maxGr, avgGr) = render(gain, limiterCeiling);
            progress?.Report($"verifying render {i}");
            var reading = measure();
            log.Add(new LoopIteration(i, Math.Round(gain, 3), Math.Round(limiterCeiling, 3), Math.Round(reading.IntegratedLufs, 3), Math.Round(reading.TruePeakDbtp, 3), Math.Round(maxGr, 2)));
            progress?.Report($"render {i}: gain {gain:+0.00;-0.00} dB → {reading.IntegratedLufs:0.00} LUFS, {reading.TruePeakDbtp:0.00} dBTP");
            var slope = 1.0;
            if (previous is { } p && Math.Abs(gain - p.Gain) > 1e-6)
            {
                slope = Math.Clamp((reading.IntegratedLufs - p.Lufs) / (gain - p.Gain), 0.05, 1.0);
            }

            // Loudness the limiter ate: what the gain should have added minus what was gained.
            var loss = gain - (reading.IntegratedLufs - plan.PreLufs);
            if (plan.LimitingBudgetDb is { } budget && loss > budget + 0.25 && reading.IntegratedLufs >= target - 1.0)
            {
                budgetStop = Math.Max(budgetStop ?? 0, loss);
                var s = slope < 1.0 ? slope : 0.5;
                var budgetGain = gain - ((loss - budget) / (1 - s + 1e-3));
                target = Math.Min(target, plan.PreLufs + budgetGain - budget);
                best = null;
            }

            var error = target - reading.IntegratedLufs;
            var peakOk = reading.TruePeakDbtp <= ceiling + 0.01;
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

            if (!peakOk)
            {
                limiterCeiling -= reading.TruePeakDbtp - ceiling + 0.02;
            }

            previous = (gain, reading.IntegratedLufs);
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
}
