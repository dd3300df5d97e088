using System.Globalization;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Analysis;

/// <summary>Turns the measurements into problems a musician can act on. Thresholds are heuristics, named here.</summary>
internal static class ProblemDetector
{
    private const double SilenceDbfs = -60;
    private const double SilenceMinSeconds = 1.0;
    private const double DcWarningDbfs = -50;
    private const double LowEndWarningDb = 12;
    private const double HarshHighMidsWarningDb = 4;

    public sealed record Inputs(
        SubBlockGrid Grid,
        IReadOnlyList<ChannelStats> Channels,
        float[] TruePeak,
        double[] EnvelopeDb,
        double IntegratedLufs,
        SpectrumAnalysis Spectrum,
        StereoAnalysis Stereo,
        double[]? LocalCorrelation);

    public static AnalysisProblem[] Detect(Inputs input)
    {
        var problems = new List<AnalysisProblem>();
        Clipping(input, problems);
        InterSampleOvers(input, problems);
        DcOffset(input, problems);
        Pumping(input, problems);
        Phase(input, problems);
        Silence(input, problems);
        Tone(input, problems);
        return [.. problems];
    }

    private static void Clipping(Inputs input, List<AnalysisProblem> problems)
    {
        var rate = (double)input.Grid.SampleRate;
        var runs = input.Channels.SelectMany(c => c.ClippedRuns).ToList();
        if (runs.Count == 0)
        {
            return;
        }

        var times = TimeRanges.Merge(runs.Select(r => (r.Start / rate, (r.Start + r.Length) / rate)), 0.05);
        var severity = times.Length >= 10 ? ProblemSeverity.Error : ProblemSeverity.Warning;
        problems.Add(new AnalysisProblem(
            ProblemCode.Clipping,
            severity,
            Invariant($"The audio hits full scale and flattens out {runs.Count} times (first at {TimeRanges.Clock(times[0].StartSeconds)}); clipped peaks sound harsh and cannot be repaired by mastering."),
            times,
            runs.Count));
    }

    private static void InterSampleOvers(Inputs input, List<AnalysisProblem> problems)
    {
        var overs = new List<(double, double)>();
        var max = 0f;
        for (var k = 0; k < input.TruePeak.Length; k++)
        {
            if (input.TruePeak[k] > 1.0f)
            {
                overs.Add((SubBlockGrid.TimeOf(k), SubBlockGrid.TimeOf(k + 1)));
                max = Math.Max(max, input.TruePeak[k]);
            }
        }

        if (overs.Count == 0)
        {
            return;
        }

        var db = Decibels.FromAmplitude(max);
        var times = TimeRanges.Merge(overs, 0.05);
        problems.Add(new AnalysisProblem(
            ProblemCode.InterSampleOvers,
            db > 1.0 ? ProblemSeverity.Error : ProblemSeverity.Warning,
            Invariant($"Between the samples the waveform peaks above 0 dBTP (up to {db:+0.0;-0.0} dBTP, first at {TimeRanges.Clock(times[0].StartSeconds)}); players and MP3/AAC encoders may distort there."),
            times,
            Math.Round(db, 2)));
    }

    private static void DcOffset(Inputs input, List<AnalysisProblem> problems)
    {
        var worst = input.Channels.Max(c => Math.Abs(c.Sum) / Math.Max(1, input.Grid.Length));
        var db = Decibels.FromAmplitude(worst);
        if (db < DcWarningDbfs)
        {
            return;
        }

        problems.Add(new AnalysisProblem(
            ProblemCode.DcOffset,
            ProblemSeverity.Warning,
            Invariant($"The waveform is shifted off centre (DC offset {db:0} dBFS), which wastes headroom; it will be removed."),
            [],
            Math.Round(db, 1)));
    }

    private static void Pumping(Inputs input, List<AnalysisProblem> problems)
    {
        var result = PumpingDetector.Detect(input.EnvelopeDb, Math.Max(-60, input.IntegratedLufs - 20));
        if (!result.Flagged)
        {
            return;
        }

        problems.Add(new AnalysisProblem(
            ProblemCode.Pumping,
            result.DipDb >= 8 ? ProblemSeverity.Error : ProblemSeverity.Warning,
            Invariant($"The whole mix ducks by about {result.DipDb:0} dB every {result.PeriodSeconds:0.00} s (strong sidechain pumping); further compression will exaggerate it."),
            result.Times,
            Math.Round(result.DipDb, 1)));
    }

    private static void Phase(Inputs input, List<AnalysisProblem> problems)
    {
        var stereo = input.Stereo;
        var lows = stereo.Bands.Where(b => b.Name is "sub" or "bass" && b.Correlation is not null).ToList();
        var lowCorrelation = lows.Count == 0 ? 1.0 : lows.Min(b => b.Correlation!.Value);
        var overall = stereo.Correlation ?? 1.0;
        var times = TimeRanges.Merge(
            (input.LocalCorrelation ?? []).Select((c, i) => (c, i)).Where(x => x.c < -0.2).Select(x => ((double)x.i, x.i + 1.0)),
            0.01);
        if (overall >= 0 && lowCorrelation >= 0 && times.Length == 0)
        {
            return;
        }

        var severity = overall < 0 || lowCorrelation < -0.2 ? ProblemSeverity.Error : ProblemSeverity.Warning;
        var message = overall < 0
            ? Invariant($"Left and right are largely out of phase (correlation {overall:0.00}); in mono much of the mix cancels — check for a polarity-inverted channel.")
            : lowCorrelation < 0
                ? Invariant($"The low end is out of phase between left and right (correlation {lowCorrelation:0.00} below 250 Hz); bass will thin out or vanish in mono.")
                : "Some passages are out of phase between left and right and will partly cancel in mono.";
        problems.Add(new AnalysisProblem(ProblemCode.PhaseProblem, severity, message, times, Math.Round(Math.Min(overall, lowCorrelation), 3)));
    }

    private static void Silence(Inputs input, List<AnalysisProblem> problems)
    {
        var threshold = (float)Math.Pow(10, SilenceDbfs / 20);
        var count = input.Grid.Count;
        bool Quiet(int k) => input.Channels.All(c => c.SamplePeak[k] < threshold);
        var head = 0;
        while (head < count && Quiet(head))
        {
            head++;
        }

        if (head == count)
        {
            return;
        }

        var tail = 0;
        while (tail < count && Quiet(count - 1 - tail))
        {
            tail++;
        }

        var duration = input.Grid.Length / (double)input.Grid.SampleRate;
        var headSeconds = SubBlockGrid.TimeOf(head);
        var tailSeconds = Math.Min(duration, SubBlockGrid.TimeOf(tail));
        if (headSeconds >= SilenceMinSeconds)
        {
            problems.Add(new AnalysisProblem(
                ProblemCode.SilenceAtHead,
                headSeconds >= 3 ? ProblemSeverity.Warning : ProblemSeverity.Info,
                Invariant($"The track starts with {headSeconds:0.0} s of silence; trim it unless it is intended."),
                [new TimeRange(0, Math.Round(headSeconds, 3))],
                Math.Round(headSeconds, 2)));
        }

        if (tailSeconds >= SilenceMinSeconds)
        {
            problems.Add(new AnalysisProblem(
                ProblemCode.SilenceAtTail,
                tailSeconds >= 5 ? ProblemSeverity.Warning : ProblemSeverity.Info,
                Invariant($"The track ends with {tailSeconds:0.0} s of silence; trim it unless it is intended."),
                [new TimeRange(Math.Round(duration - tailSeconds, 3), Math.Round(duration, 3))],
                Math.Round(tailSeconds, 2)));
        }
    }

    // Against the pink reference: the lows (20-250 Hz) relative to everything above 250 Hz, compared with the
    // same ratio for pink noise (0 dB = neutral; typical mixes sit a few dB above); the high mids more than
    // 4 dB above their neutral share and above the low mids.
    private static void Tone(Inputs input, List<AnalysisProblem> problems)
    {
        var bands = input.Spectrum.Bands.ToDictionary(b => b.Name);
        double Linear(string name) => bands[name].RelativeDb is { } r ? Math.Pow(10, r / 10) : 0;
        double Reference(string name) => bands[name].RelativeDb is null ? 0 : Math.Pow(10, bands[name].ReferenceRelativeDb / 10);
        var low = Linear("sub") + Linear("bass");
        var rest = Linear("lowMids") + Linear("highMids") + Linear("highs");
        var lowReference = Reference("sub") + Reference("bass");
        var restReference = Reference("lowMids") + Reference("highMids") + Reference("highs");
        if (low > 0 && rest > 0 && restReference > 0)
        {
            var excess = Decibels.FromPower(low / rest / (lowReference / restReference));
            if (excess > LowEndWarningDb)
            {
                problems.Add(new AnalysisProblem(
                    ProblemCode.ExcessiveLowEnd,
                    excess > LowEndWarningDb + 4 ? ProblemSeverity.Error : ProblemSeverity.Warning,
                    Invariant($"The low end (below 250 Hz) is {excess:0} dB stronger against the rest of the mix than a neutral balance; it will sound boomy and eat loudness headroom."),
                    [],
                    Math.Round(excess, 1)));
            }
        }

        if (bands["highMids"].DeviationDb is { } highMids && bands["lowMids"].DeviationDb is { } lowMids &&
            highMids > HarshHighMidsWarningDb && highMids - lowMids > HarshHighMidsWarningDb)
        {
            problems.Add(new AnalysisProblem(
                ProblemCode.HarshHighMids,
                highMids > HarshHighMidsWarningDb + 4 ? ProblemSeverity.Error : ProblemSeverity.Warning,
                Invariant($"The 2-6 kHz range is {highMids:0} dB above a neutral balance; the mix may sound harsh or tiring."),
                [],
                Math.Round(highMids, 1)));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
