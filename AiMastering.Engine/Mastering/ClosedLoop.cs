using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// Render → measure (the analysis engine's BS.1770 loudness and 4× true peak) → correct the gain into the
/// limiter → render again, until integrated loudness is within <see cref="ToleranceLu"/> of the target and the
/// true peak is at or under the ceiling. Gain steps use the measured loudness-per-dB slope (secant), because
/// limiting makes the master rise by less than the gain.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>Internal tolerance, tighter than the ± 0.2 LU promised, to leave room for other meters' rounding.</summary>
    public const double ToleranceLu = 0.1;
    public const int MaxRenders = 5;

    /// <summary>Renders gain + limiter into the output; returns the limiter's (max, average) gain reduction in dB.</summary>
    public delegate (double MaxGainReductionDb, double AverageGainReductionDb) Render(double gainDb, double ceilingDbtp);

    public static LoopResult Run(LoudnessPlan plan, Render render, Func<LoudnessMeter.Reading> measure, IProgress<string>? progress, CancellationToken ct)
    {
        var target = plan.EffectiveLufs;
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
            var reading = measure();
            log.Add(new LoopIteration(i, Math.Round(gain, 3), Math.Round(limiterCeiling, 3), Math.Round(reading.IntegratedLufs, 3), Math.Round(reading.TruePeakDbtp, 3), Math.Round(maxGr, 2)));
            progress?.Report($"render {i}: gain {gain:+0.00;-0.00} dB → {reading.IntegratedLufs:0.00} LUFS, {reading.TruePeakDbtp:0.00} dBTP");
            var error = target - reading.IntegratedLufs;
            var peakOk = reading.TruePeakDbtp <= ceiling + 0.01;
            var capped = plan.MaxGainDb is { } max && gain >= max - 1e-9 && error > 0;
            var converged = peakOk && (Math.Abs(error) <= ToleranceLu || capped);
            var result = new LoopResult(gain, limiterCeiling, reading.IntegratedLufs, reading.TruePeakDbtp, maxGr, avgGr, converged, [.. log]);
            last = result;
            if (converged || !double.IsFinite(reading.IntegratedLufs))
            {
                return result with { Converged = converged };
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

            var slope = 1.0;
            if (previous is { } p && Math.Abs(gain - p.Gain) > 1e-6)
            {
                slope = Math.Clamp((reading.IntegratedLufs - p.Lufs) / (gain - p.Gain), 0.4, 1.0);
            }

            previous = (gain, reading.IntegratedLufs);
            gain += error / slope;
            if (plan.MaxGainDb is { } cap)
            {
                gain = Math.Min(gain, cap);
            }
        }

        // Not converged within MaxRenders: re-render the best attempt so the output matches what we report.
        if (best is not null && best.Iterations.Count != log.Count)
        {
            var (maxGr, avgGr) = render(best.GainDb, best.LimiterCeilingDbtp);
            var reading = measure();
            log.Add(new LoopIteration(log.Count + 1, Math.Round(best.GainDb, 3), Math.Round(best.LimiterCeilingDbtp, 3), Math.Round(reading.IntegratedLufs, 3), Math.Round(reading.TruePeakDbtp, 3), Math.Round(maxGr, 2)));
            return new LoopResult(best.GainDb, best.LimiterCeilingDbtp, reading.IntegratedLufs, reading.TruePeakDbtp, maxGr, avgGr, false, [.. log]);
        }

        return last!;
    }
}
