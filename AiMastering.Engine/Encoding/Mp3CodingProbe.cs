using System.Diagnostics;
using System.Globalization;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// Measures LAME's coding overshoot on a sample of a loud master instead of assuming it: up to
/// <see cref="MaxWindows"/> windows of <see cref="MeasuredFrames"/> frames (about 1 s), one in each equal stretch of
/// the track, each where the lowpassed master's peak is highest in its stretch (<see cref="LowpassedPeaks"/>), are
/// encoded with the preview's settings and decoded, and their true peak measured (the 4× BS.1770 meter).
/// <para>
/// Each window is fed from the full preview's frame grid with <see cref="WarmUpFrames"/> frames before
/// it and <see cref="TailFrames"/> after, the windows back to back in one encoder process (two from four cores up; the
/// encoder's output piped straight into a decoder). As with the preview's parallel parts (<see cref="Mp3SegmentPlan"/>), an
/// encoder fed on the preview's frame grid makes, once settled, the full preview's own frames, and the decoder, which
/// without a reservoir depends on the previous frame only, settles within a frame: the sample's true peak is the
/// preview's over those windows (not a model of it), and what the rest of the track may add is a margin.
/// </para>
/// </summary>
/// <param name="ffmpegPath">The ffmpeg executable, when the codecs run as processes.</param>
/// <param name="inProcess">LAME and libmpg123 in this process (the master at the preview's rate): the same frames, no processes.</param>
internal sealed class Mp3CodingProbe(string ffmpegPath, bool inProcess = false)
{
    /// <summary>Windows encoded at most.</summary>
    public const int MaxWindows = 16;

    /// <summary>Frames measured per window: 0.96 s at 48 kHz.</summary>
    public const int MeasuredFrames = 40;

    /// <summary>
    /// Frames fed before each window's measured ones, their output dropped: the encoder's filterbank, MDCT and
    /// psychoacoustic model need a frame or two of the window's own audio, the decoder one frame. 3 and 8 (the preview
    /// parts' warm-up) gave the same sampled peaks to 0.01 dB on seven real masters.
    /// </summary>
    public const int WarmUpFrames = 3;

    /// <summary>Frames fed after each window's measured ones (LAME's look-ahead is one frame; the decoder's none).</summary>
    public const int TailFrames = 4;

    /// <summary>
    /// Allowance for the peaks the sample did not see, in dB per decade of the track's length over the sample's: the
    /// largest of n coding-noise peaks grows with log n. On seven real 5-minute masters (the sample 1/19.5 of the
    /// track: 0.19 dB) the whole unattenuated preview's true peak came 0.02–0.21 dB over the sample's (Encoding/README.md);
    /// a 30-s clip sampled at 42 % gets 0.06 dB.
    /// </summary>
    public const double UnseenDbPerDecade = 0.15;

    private const int FrameSamples = Mp3FrameHeader.SamplesPerFrame;
    /// <summary>
    /// The unattenuated preview's true peak estimated from the probe: the sample's own true peak plus
    /// <see cref="UnseenDbPerDecade"/> × log10(track / sample), and never under the fixed-allowance prediction (the
    /// lowpassed master's plus <see cref="Mp3PeakPredictor.CodingAllowanceDb"/>), which decided that the probe was needed:
    /// the sample misses up to 0.2 dB of the preview's peak, so the probe only adds attenuation where it shows more
    /// overshoot than the allowance. (The lowpassed master's peak plus the largest overshoot seen in a window was tried:
    /// it over-estimates, a window whose lowpassed peak is lower often having the larger overshoot.)
    /// </summary>
    public static double PredictDbtp(LowpassedPeaks lowpassed, Mp3ProbeResult probe)
    {
        ArgumentNullException.ThrowIfNull(lowpassed);
        ArgumentNullException.ThrowIfNull(probe);
        var allowed = lowpassed.TruePeakDbtp + Mp3PeakPredictor.CodingAllowanceDb;
        if (probe.Windows == 0)
        {
            return allowed;
        }

        var unseen = -UnseenDbPerDecade * Math.Log10(probe.SampledFraction);
        return Math.Max(probe.SampledPeakDbtp + unseen, allowed);
    }

    /// <summary>
    /// The windows for a master: one in each of n equal stretches of the track (n up to <see cref="MaxWindows"/>, so that
    /// the windows take at most half the track), centred on the block where the lowpassed master's peak is highest in
    /// that stretch; stretches with no measured block (all proven under the floor) get none.
    /// </summary>
    public static IReadOnlyList<Mp3ProbeWindow> Windows(Mp3SegmentPlan plan, LowpassedPeaks peaks)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(peaks);
        const int WindowFrames = WarmUpFrames + MeasuredFrames + TailFrames;
        var frames = (int)(plan.PreviewLength / FrameSamples);
        var count = Math.Min(MaxWindows, frames / (2 * WindowFrames));
        var step = Mp3SegmentPlan.StartStep(plan.MasterRate, plan.PreviewRate);
        var blocks = peaks.BlockPeaks;
        var windows = new List<Mp3ProbeWindow>(count);
        for (var r = 0; r < count; r++)
        {
            var best = -1;
            for (var b = (int)((long)blocks.Length * r / count); b < (long)blocks.Length * (r + 1) / count; b++)
            {
                if (blocks[b] > 0 && (best < 0 || blocks[b] > blocks[best]))
                {
                    best = b;
                }
            }

            if (best < 0)
            {
                continue;
            }

            var centre = (((long)best * peaks.BlockSamples) + (peaks.BlockSamples / 2)) * plan.PreviewRate / plan.MasterRate / FrameSamples;
            var from = (int)Math.Clamp(centre - (MeasuredFrames / 2), 0, frames - MeasuredFrames - TailFrames);
            var fedFrom = Math.Max(0, from - WarmUpFrames) / step * step;
            var fedUntil = fedFrom + ((from + MeasuredFrames + TailFrames - fedFrom + step - 1) / step * step);
            windows.Add(new Mp3ProbeWindow(fedFrom, from, from + MeasuredFrames, fedUntil));
        }

        return windows;
    }

    /// <summary>
    /// Encodes and decodes the windows of <paramref name="peaks"/> (no attenuation), each process pair reading the
    /// master through its own <paramref name="openMaster"/>() (disposed after, when disposable).
    /// </summary>
    public async Task<Mp3ProbeResult> MeasureAsync(Func<IPlanarSource> openMaster, Mp3SegmentPlan plan, int channels, LowpassedPeaks peaks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(openMaster);
        var clock = Stopwatch.StartNew();
        var windows = Windows(plan, peaks);
        if (windows.Count == 0)
        {
            return new Mp3ProbeResult(double.NegativeInfinity, 0, 0, 0, 0, clock.Elapsed.TotalSeconds);
        }

        // An ffmpeg encoder → decoder pipeline keeps two cores busy; ffmpeg's start-up cost per process
        // outweighs splitting the sample further. In process, one group per core.
        var parts = inProcess
            ? Math.Clamp(Environment.ProcessorCount, 1, windows.Count)
            : Math.Clamp(Environment.ProcessorCount / 2, 1, Math.Min(2, windows.Count));
        var results = await FailFast.WhenAllAsync(
            Enumerable.Range(0, parts).Select(p => (Func<CancellationToken, Task<(float Peak, double Overshoot)>>)(token =>
            {
                var group = windows.Take(windows.Count * (p + 1) / parts).Skip(windows.Count * p / parts).ToList();
                return MeasureGroupAsync(openMaster, plan, channels, peaks, group, token);
            })),
            ct).ConfigureAwait(false);
        var peak = results.Max(r => r.Peak);
        var fed = windows.Sum(w => (double)w.FedFrames) * FrameSamples / plan.PreviewRate;
        var fraction = windows.Sum(w => (double)(w.MeasureUntil - w.MeasureFrom)) * FrameSamples / plan.PreviewLength;
        return new Mp3ProbeResult(20 * Math.Log10(peak), results.Max(r => r.Overshoot), windows.Count, Math.Min(1, fraction), fed, clock.Elapsed.TotalSeconds);
    }

    // One encoder → decoder pipeline for some windows, back to back; returns their largest decoded true peak (linear)
    // and largest overshoot over the lowpassed master's blocks under each window (dB).
    private async Task<(float Peak, double Overshoot)> MeasureGroupAsync(
        Func<IPlanarSource> openMaster, Mp3SegmentPlan plan, int channels, LowpassedPeaks peaks, IReadOnlyList<Mp3ProbeWindow> group, CancellationToken ct)
    {
        var fedSamples = group.Sum(w => (long)w.FedFrames) * FrameSamples;
        var decoded = new DecodedSink(channels, checked((int)(fedSamples + Mp3SegmentPlan.CodecDelay + FrameSamples)));
        var master = openMaster();
        try
        {
            if (inProcess)
            {
                await Task.Factory.StartNew(() => EncodeAndDecodeInProcess(master, plan, group, decoded, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            }
            else
            {
                await FfmpegProcess.RunAsync(
                    ffmpegPath,
                    Mp3PreviewDecoder.DecodeArguments,
                    "decode the MP3 preview's probe",
                    (decoderInput, token) => Encode(master, plan, group, decoderInput, token),
                    (stdout, _) => decoded.Read(stdout),
                    ct).ConfigureAwait(false);
            }
        }
        finally
        {
            (master as IDisposable)?.Dispose();
        }

        var peak = 0f;
        var overshoot = double.NegativeInfinity;
        var at = 0L;
        foreach (var w in group)
        {
            var from = checked((int)(at + ((long)(w.MeasureFrom - w.FedFrom) * FrameSamples) + Mp3SegmentPlan.CodecDelay));
            var count = (w.MeasureUntil - w.MeasureFrom) * FrameSamples;
            if (decoded.Length < from + count + TruePeakMeter.ContextAfter)
            {
                throw new InvalidDataException($"The decoder gave {decoded.Length} samples of the preview's probe; {from + count + TruePeakMeter.ContextAfter} were expected.");
            }

            var windowPeak = decoded.Channels.Max(c => TruePeakMeter.MaxOfRange(c, from, count));
            peak = Math.Max(peak, windowPeak);
            overshoot = Math.Max(overshoot, 20 * Math.Log10(windowPeak / LowpassedPeak(w, plan, peaks)));
            at += (long)w.FedFrames * FrameSamples;
        }

        return (peak, overshoot);
    }

    // The lowpassed master's largest block peak among the blocks the window's measured frames overlap (≥ its own peak).
    private static float LowpassedPeak(Mp3ProbeWindow w, Mp3SegmentPlan plan, LowpassedPeaks peaks)
    {
        var from = (long)w.MeasureFrom * FrameSamples * plan.MasterRate / plan.PreviewRate / peaks.BlockSamples;
        var until = Math.Min(peaks.BlockPeaks.Length - 1, (((long)w.MeasureUntil * FrameSamples * plan.MasterRate / plan.PreviewRate) - 1) / peaks.BlockSamples);
        var max = 0f;
        for (var b = from; b <= until; b++)
        {
            max = Math.Max(max, peaks.BlockPeaks[b]);
        }

        return max;
    }

    // The same in this process: the windows through one LAME, its frames (no tag) through libmpg123.
    private static void EncodeAndDecodeInProcess(IPlanarSource master, Mp3SegmentPlan plan, IReadOnlyList<Mp3ProbeWindow> group, DecodedSink decoded, CancellationToken ct)
    {
        Memory<byte> mp3;
        using (var lame = new LameEncoder(master.SampleRate, master.ChannelCount, writeTag: false))
        {
            mp3 = Mp3SegmentEncoder.EncodeRanges(lame, master, [.. group.Select(w => Range(w, plan))], 1f, ct);
        }

        using var decoder = new Mpg123Decoder(plan.PreviewRate, master.ChannelCount);
        decoder.Decode(mp3.Span, decoded.Take, ct);
    }

    private static (int Start, int End) Range(Mp3ProbeWindow w, Mp3SegmentPlan plan) =>
        (checked((int)((long)w.FedFrom * FrameSamples * plan.MasterRate / plan.PreviewRate)), checked((int)((long)w.FedUntil * FrameSamples * plan.MasterRate / plan.PreviewRate)));

    // The windows' master samples back to back through LAME with the preview's settings, its MP3 into output.
    // Runs on the decoder's input thread, which it blocks until the encoder is done.
    private void Encode(IPlanarSource master, Mp3SegmentPlan plan, IReadOnlyList<Mp3ProbeWindow> group, Stream output, CancellationToken ct)
    {
        var arguments = new List<string>
        {
            "-f", "f32le", "-ar", Invariant(master.SampleRate), "-ac", Invariant(master.ChannelCount), "-i", "pipe:0",
        };
        if (plan.PreviewRate != master.SampleRate)
        {
            arguments.AddRange(["-af", "aresample=" + Invariant(plan.PreviewRate)]);
        }

        arguments.AddRange(Mp3SegmentEncoder.LameArguments);
        arguments.AddRange(["-write_xing", "0", "-id3v2_version", "0", "pipe:1"]);
        FfmpegProcess.RunAsync(
            ffmpegPath,
            arguments,
            "encode the MP3 preview's probe",
            (stdin, token) =>
            {
                foreach (var w in group)
                {
                    var (start, end) = Range(w, plan);
                    F32lePipe.Write(stdin, master, start, end, 1f, token);
                }
            },
            (stdout, _) => stdout.CopyTo(output),
            ct).GetAwaiter().GetResult();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The decoder's interleaved f32le output, deinterleaved into planar buffers (what exceeds them is dropped).</summary>
    private sealed class DecodedSink(int channels, int capacity)
    {
        public float[][] Channels { get; } = [.. Enumerable.Range(0, channels).Select(_ => new float[capacity])];

        public int Length { get; private set; }

        public void Read(Stream stdout) => F32lePipe.ReadFrames(stdout, Channels.Length, Take);

        public void Take(ReadOnlySpan<float> interleaved)
        {
            var count = Math.Min(interleaved.Length / Channels.Length, Channels[0].Length - Length);
            Interleaving.Deinterleave(interleaved, Channels, Length, count);
            Length += count;
        }
    }
}
