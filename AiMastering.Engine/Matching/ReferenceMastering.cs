using AiMastering.Engine.Analysis;
using AiMastering.Engine.Processing;

namespace AiMastering.Engine.Matching;

/// <summary>
/// A minimal closed loop for reference masters until the full mastering engine takes the match as its
/// chain prelude: match EQ → gain → true-peak limiter at the match's ceiling, rendered from the source
/// each pass (two buffers in memory: source and master), the gain corrected by the measured loudness
/// error (secant steps, since limiting makes loudness grow less than the gain) until within tolerance.
/// </summary>
public static class ReferenceMastering
{
    public const double DefaultToleranceLu = 0.2;

    public static ReferenceMasterResult Master(AudioBuffer source, ReferenceMatch match, int maxPasses = 4, double toleranceLu = DefaultToleranceLu)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(match);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPasses, 1);
        var rate = source.SampleRate;
        var channels = source.ChannelCount;
        var gain = new GainProcessor(rate, channels, new GainSettings(0));
        var processors = match.CreateProcessors(rate, channels)
            .Append(gain)
            .Append(new TruePeakLimiter(rate, channels, new TruePeakLimiterSettings(CeilingDbtp: match.CeilingDbtp)));
        var chain = new ProcessorChain(rate, channels, processors);
        var master = AudioBuffer.Silent(rate, channels, source.Length);

        var gainDb = match.TargetLufs - (match.Source.IntegratedLufs ?? match.TargetLufs);
        (double Gain, double Lufs)? previous = null;
        LoudnessAnalysis measured = null!;
        var passes = 0;
        while (passes < maxPasses)
        {
            passes++;
            gain.GainDb = gainDb;
            chain.Render(source, master);
            measured = Analyzer.Analyze(master).Loudness;
            var lufs = measured.IntegratedLufs ?? double.NegativeInfinity;
            var error = match.TargetLufs - lufs;
            if (Math.Abs(error) <= toleranceLu || !double.IsFinite(lufs))
            {
                break;
            }

            // Secant slope dLUFS/dGain (1 without limiting, less with it), kept within sane bounds.
            var slope = previous is { } p && Math.Abs(gainDb - p.Gain) > 1e-3 ? Math.Clamp((lufs - p.Lufs) / (gainDb - p.Gain), 0.2, 1.0) : 1.0;
            previous = (gainDb, lufs);
            gainDb += Math.Clamp(error / slope, -12, 12);
        }

        return new ReferenceMasterResult(master, measured.IntegratedLufs ?? double.NegativeInfinity, measured.TruePeakDbtp ?? double.NegativeInfinity, gainDb, passes);
    }
}
