using System.Numerics.Tensors;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>
/// Per-frame true-peak estimate by polyphase FIR interpolation (Kaiser-windowed sinc, 48 taps per
/// phase), in the spirit of ITU-R BS.1770-4 Annex 2 (which specifies ≥ 4× oversampling), and at least the BS.1770
/// meter's own 4× points (<see cref="Bs1770Interpolator"/>), so what the limiter holds under its ceiling the
/// analysis engine's meter reads under it too.
/// For frame m it reports the largest magnitude over all channels on the interval
/// (m − D − 1, m − D] of the reconstructed signal, sampled at <see cref="Factor"/> points per
/// input sample, where D = <see cref="DelaySamples"/>. Vectorised (<see cref="FirKernel"/>).
/// </summary>
internal sealed class TruePeakDetector
{
    internal const int TapsPerPhase = 48;
    private const int GateFrames = 128;
    private const double KaiserBeta = 8.0;

    /// <summary>cos(π/8) less a little for the interpolator's own ripple: see Accumulate with a threshold.</summary>
    private const float FineGate = 0.92f;

    private readonly float[][] phases;   // [phase 1..F-1][tap]
    private readonly float[][] history;  // [channel][TapsPerPhase - 1]
    private readonly float[] buffer;     // history + chunk
    private readonly float[] accumulator;
    private readonly int coarsePhases;

    /// <summary>
    /// The BS.1770 meter's own 4× phases (<see cref="Bs1770Interpolator"/>), computed with the coarse phases: on dense,
    /// bright material the meter's short interpolator reads up to ~0.15 dB above this detector's, and the mastering loop
    /// verifies with the meter, so the limiter bounds both. Tap k reads x at frame − D − 1 − (HalfTaps − 1) + k.
    /// </summary>
    private static readonly float[][] MeterPhases = Bs1770Interpolator.Phases;

    /// <summary>Where the meter's taps start in the detector's buffer, relative to a frame's own taps.</summary>
    private const int MeterOffset = (TapsPerPhase / 2) - Bs1770Interpolator.HalfTaps;

    public TruePeakDetector(int channelCount, int factor, int maxFrames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 2);
        Factor = factor;
        // Phases on the 4× grid first (coarse), then the ones between them (fine); see Accumulate with a threshold.
        var quarter = factor % 4 == 0 ? factor / 4 : 1;
        var order = Enumerable.Range(1, factor - 1).OrderBy(p => p % quarter == 0 ? 0 : 1).ThenBy(p => p).ToArray();
        phases = [.. order.Select(p => DesignPhase((double)p / factor))];
        coarsePhases = factor % 4 == 0 ? 3 : phases.Length;
        history = [.. Enumerable.Range(0, channelCount).Select(_ => new float[TapsPerPhase - 1])];
        buffer = new float[TapsPerPhase - 1 + maxFrames];
        accumulator = new float[maxFrames];
        MaxFrames = maxFrames;
        GainBound = phases.Concat(MeterPhases).Max(p => p.Sum(Math.Abs));
    }

    /// <summary>Oversampling factor (points per input sample).</summary>
    public int Factor { get; }

    public int MaxFrames { get; }

    /// <summary>Lag of the estimate behind the newest input sample.</summary>
    public static int DelaySamples => (TapsPerPhase / 2) - 1;

    public void Reset()
    {
        foreach (var h in history)
        {
            Array.Clear(h);
        }
    }

    /// <summary>
    /// Largest sum of |taps| over the phases: no interpolated value can exceed max|x| over its taps times this
    /// (triangle inequality), which lets the thresholded Accumulate skip the interpolation exactly where it cannot matter.
    /// </summary>
    public float GainBound { get; }

    /// <summary>
    /// Raises <paramref name="peak"/> to the |true peak| of each frame of <paramref name="input"/> wherever that may exceed
    /// <paramref name="threshold"/>; where the bound <see cref="GainBound"/>·max|x| proves every interpolated value is at
    /// or under the threshold, only the sample values are used (the caller only distinguishes peaks above the threshold).
    /// </summary>
    /// <remarks>
    /// Two gates per block of frames: the triangle-inequality bound above, then — with a factor that is a multiple of 4 —
    /// the 4× points first: a signal band-limited to Nyquist cannot peak more than 1/cos(π/8) (0.69 dB) above its
    /// largest 4× sample (its value within a quarter sample of its maximum M is at least M·cos(2π·(fs/2)·(1/8fs))), so the
    /// finer phases are computed only where the 4× estimate comes within that factor of the threshold.
    /// </remarks>
    public void Accumulate(int channel, ReadOnlySpan<float> input, Span<float> peak, float threshold)
    {
        var n = input.Length;
        const int hist = TapsPerPhase - 1;
        var buf = buffer.AsSpan(0, hist + n);
        history[channel].CopyTo(buf);
        input.CopyTo(buf[hist..]);
        var acc = accumulator.AsSpan(0, n);
        var peaks = peak[..n];
        TensorPrimitives.Abs(buf.Slice(TapsPerPhase / 2, n), acc);
        TensorPrimitives.Max(acc, peaks, peaks);

        var gate = threshold / GainBound;
        for (var start = 0; start < n; start += GateFrames)
        {
            var m = Math.Min(GateFrames, n - start);
            if (Math.Abs(TensorPrimitives.MaxMagnitude(buf.Slice(start, m + hist))) <= gate)
            {
                continue;
            }

            var x = buf.Slice(start, m + hist);
            var block = peaks.Slice(start, m);
            for (var p = 0; p < coarsePhases; p++)
            {
                FirKernel.AccumulatePeak(x, phases[p], block);
            }

            foreach (var taps in MeterPhases)
            {
                FirKernel.AccumulatePeak(x[MeterOffset..], taps, block);
            }

            if (coarsePhases == phases.Length || TensorPrimitives.Max(block) <= threshold * FineGate)
            {
                continue;
            }

            for (var p = coarsePhases; p < phases.Length; p++)
            {
                FirKernel.AccumulatePeak(x, phases[p], block);
            }
        }

        buf[n..].CopyTo(history[channel]);
    }

    /// <summary>Raises <paramref name="peak"/>[m] to the estimate of channel <paramref name="channel"/> for frame m.</summary>
    public void Accumulate(int channel, ReadOnlySpan<float> input, Span<float> peak)
    {
        var n = input.Length;
        const int hist = TapsPerPhase - 1;
        var buf = buffer.AsSpan(0, hist + n);
        history[channel].CopyTo(buf);
        input.CopyTo(buf[hist..]);
        var acc = accumulator.AsSpan(0, n);
        var peaks = peak[..n];

        // The sample at the right end of the interval (phase 0).
        TensorPrimitives.Abs(buf.Slice(TapsPerPhase / 2, n), acc);
        TensorPrimitives.Max(acc, peaks, peaks);

        foreach (var taps in phases)
        {
            FirKernel.AccumulatePeak(buf, taps, peaks);
        }

        foreach (var taps in MeterPhases)
        {
            FirKernel.AccumulatePeak(buf[MeterOffset..], taps, peaks);
        }

        buf[n..].CopyTo(history[channel]);
    }

    private static float[] DesignPhase(double fraction)
    {
        var taps = new double[TapsPerPhase];
        const double half = TapsPerPhase / 2.0;
        for (var k = 0; k < TapsPerPhase; k++)
        {
            var t = k - ((TapsPerPhase / 2) - 1) - fraction;
            var u = t / half;
            var window = Kaiser.Window(u, KaiserBeta);
            taps[k] = (t == 0 ? 1 : Math.Sin(Math.PI * t) / (Math.PI * t)) * window;
        }

        var sum = taps.Sum();
        return [.. taps.Select(t => (float)(t / sum))];
    }
}
