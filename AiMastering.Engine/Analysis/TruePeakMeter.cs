using System.Buffers;
using System.Numerics.Tensors;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// True peak per ITU-R BS.1770-4 Annex 2: 4x oversampling with a polyphase FIR interpolator, then the
/// largest absolute value. Phase 0 of a windowed-sinc (Nyquist) interpolator is the input sample itself,
/// so only phases 1..3 are computed: 3 x 12 taps per input sample (the length of the Annex 2 example filter), over 4,096-sample blocks
/// with the register-blocked <see cref="FirKernel"/> (the limiter's detectors use it too) and no allocation per block.
/// </summary>
internal sealed class TruePeakMeter
{
    public const int Oversampling = 4;

    /// <summary>Half-length of the interpolation kernel in input samples (taps per phase = 2 x this).</summary>
    private const int HalfTaps = Bs1770Interpolator.HalfTaps;

    private const int TapsPerPhase = Bs1770Interpolator.TapsPerPhase;

    private const int BlockSize = 4096;

    /// <summary>Samples before a block's first input that its interpolation reads.</summary>
    private const int History = HalfTaps - 1;

    /// <summary>Coefficients per phase p = 1..3: tap k multiplies x[n - HalfTaps + 1 + k].</summary>
    private static readonly float[][] Phases = Bs1770Interpolator.Phases;

    private readonly int sampleRate;
    private readonly Func<float[]> perSubBlock;

    // stage[j] = x[blockStart - History + j]: one block with its history and look-ahead (zeros before the start).
    private readonly float[] stage = new float[BlockSize + TapsPerPhase - 1];
    private readonly float[] peak = new float[BlockSize];
    private int filled = History;
    private long blockStart;
    private int sub;

    /// <param name="perSubBlock">The array receiving the true peak per sub-block (read at every block, as it may grow).</param>
    public TruePeakMeter(int sampleRate, Func<float[]> perSubBlock)
    {
        this.sampleRate = sampleRate;
        this.perSubBlock = perSubBlock;
    }

    /// <summary>One channel of a whole signal.</summary>
    public static void Run(float[] samples, SubBlockGrid grid, float[] truePeakPerSubBlock)
    {
        var meter = new TruePeakMeter(grid.SampleRate, () => truePeakPerSubBlock);
        meter.Append(samples);
        meter.Complete();
    }

    /// <summary>
    /// Largest interpolated magnitude of samples [<paramref name="from"/>, <paramref name="from"/> + <paramref name="count"/>)
    /// of <paramref name="samples"/>, with their neighbours taken from <paramref name="samples"/> (zeros beyond it). Each
    /// sample's value is computed exactly as <see cref="Run"/> computes it, so a signal measured piece by piece — each
    /// piece carrying <see cref="ContextBefore"/> samples before and <see cref="ContextAfter"/> after — gives the same
    /// maximum as the whole signal, without holding it.
    /// </summary>
    public static float MaxOfRange(float[] samples, int from, int count)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)from + count, samples.Length);
        var padded = ArrayPool<float>.Shared.Rent(BlockSize + TapsPerPhase);
        var peak = ArrayPool<float>.Shared.Rent(BlockSize);
        try
        {
            var max = 0f;
            for (var start = from; start < from + count; start += BlockSize)
            {
                var n = Math.Min(BlockSize, from + count - start);
                var input = padded.AsSpan(0, n + TapsPerPhase - 1);
                FillPadded(samples, start - HalfTaps + 1, input);
                var peaks = peak.AsSpan(0, n);
                TensorPrimitives.Abs(samples.AsSpan(start, n), peaks);
                foreach (var h in Phases)
                {
                    FirKernel.AccumulatePeak(input, h, peaks);
                }

                max = Math.Max(max, TensorPrimitives.Max(peaks));
            }

            return max;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(padded);
            ArrayPool<float>.Shared.Return(peak);
        }
    }

    // destination[j] = samples[from + j], zeros outside the array.
    private static void FillPadded(float[] samples, int from, Span<float> destination)
    {
        destination.Clear();
        var srcStart = Math.Max(0, from);
        var srcEnd = Math.Min(samples.Length, from + destination.Length);
        if (srcEnd > srcStart)
        {
            samples.AsSpan(srcStart, srcEnd - srcStart).CopyTo(destination[(srcStart - from)..]);
        }
    }

    /// <summary>Neighbours before a sample that its interpolated values depend on.</summary>
    public static int ContextBefore => HalfTaps - 1;

    /// <summary>Neighbours after a sample that its interpolated values depend on.</summary>
    public static int ContextAfter => TapsPerPhase - HalfTaps;

    /// <summary>
    /// Largest Σ|taps| over the phases (at least 1: phase 0 is the sample itself). Triangle inequality: no interpolated
    /// value exceeds this times the largest |sample| among its neighbours.
    /// </summary>
    public static double GainBound { get; } = Math.Max(1, Phases.Max(p => p.Sum(t => Math.Abs((double)t))));

    /// <summary>True peak of a short span (used by tests and callers with small buffers).</summary>
    public static float Measure(float[] samples, int sampleRate)
    {
        var grid = new SubBlockGrid(sampleRate, samples.Length);
        var perSub = new float[grid.Count];
        Run(samples, grid, perSub);
        return perSub.Length == 0 ? 0f : TensorPrimitives.Max(perSub);
    }

    /// <summary>
    /// The next samples. Blocks of <see cref="BlockSize"/> are measured as soon as their look-ahead has arrived, at the
    /// same positions whatever the sizes fed, so the result is the same, bit for bit, as one pass.
    /// </summary>
    public void Append(ReadOnlySpan<float> samples)
    {
        while (!samples.IsEmpty)
        {
            var n = Math.Min(samples.Length, stage.Length - filled);
            samples[..n].CopyTo(stage.AsSpan(filled));
            filled += n;
            samples = samples[n..];
            if (filled == stage.Length)
            {
                MeasureBlock(BlockSize);
            }
        }
    }

    /// <summary>Measures what is left, with zeros after the end.</summary>
    public void Complete()
    {
        while (filled > History)
        {
            var count = Math.Min(BlockSize, filled - History);
            stage.AsSpan(filled).Clear();
            var keep = filled;
            MeasureBlock(count);
            filled = Math.Max(History, keep - count);
        }
    }

    // Interpolates x[blockStart, blockStart + count), keeps the largest |value| per sub-block, then moves the
    // history and look-ahead of the next block to the front of the stage.
    private void MeasureBlock(int count)
    {
        var input = stage.AsSpan(0, count + TapsPerPhase - 1);
        var peaks = peak.AsSpan(0, count);
        TensorPrimitives.Abs(stage.AsSpan(History, count), peaks);
        foreach (var h in Phases)
        {
            FirKernel.AccumulatePeak(input, h, peaks);
        }

        ScatterToSubBlocks(peaks);
        stage.AsSpan(count, TapsPerPhase - 1).CopyTo(stage);
        filled = TapsPerPhase - 1;
        blockStart += count;
    }

    private void ScatterToSubBlocks(ReadOnlySpan<float> peaks)
    {
        var perSub = perSubBlock();
        var end = blockStart + peaks.Length;
        while (true)
        {
            var from = SubBlockGrid.Boundary(sampleRate, sub);
            var to = SubBlockGrid.Boundary(sampleRate, sub + 1);
            var a = Math.Max(from, blockStart);
            var b = Math.Min(to, end);
            if (b > a)
            {
                perSub[sub] = Math.Max(perSub[sub], TensorPrimitives.Max(peaks.Slice((int)(a - blockStart), (int)(b - a))));
            }

            if (to > end)
            {
                break;
            }

            sub++;
        }
    }
}
