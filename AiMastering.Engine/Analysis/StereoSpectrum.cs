using System.Numerics.Tensors;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// Long-term average spectra of the louder passages: Hann-windowed frames (about 6 Hz resolution),
/// left and right packed into one complex FFT per frame. Accumulates |L|^2, |R|^2 and Re(L R*), from
/// which mid, side, the channel average and per-band correlation follow. Powers are one-sided and
/// scaled so that summing all bins gives the mean square of the signal (a full-scale sine = -3 dB).
/// </summary>
internal sealed class StereoSpectrum
{
    /// <summary>At most this many frames are transformed (evenly spread over the louder passages).</summary>
    public const int MaxFrames = 96;

    private StereoSpectrum(int sampleRate, int frameSize)
    {
        SampleRate = sampleRate;
        FrameSize = frameSize;
        var bins = (frameSize / 2) + 1;
        Left = new double[bins];
        Right = new double[bins];
        Cross = new double[bins];
    }

    public int SampleRate { get; }

    public int FrameSize { get; }

    public double BinHz => SampleRate / (double)FrameSize;

    public double[] Left { get; }

    public double[] Right { get; }

    public double[] Cross { get; }

    public int Frames { get; private set; }

    /// <summary>Average channel power per bin (the spectrum used for tonal balance).</summary>
    public double[] Average(bool stereo) =>
        stereo ? Left.Zip(Right, (l, r) => (l + r) / 2).ToArray() : (double[])Left.Clone();

    public double[] Mid() => Combine(+1);

    public double[] Side() => Combine(-1);

    public static int FrameSizeFor(int sampleRate) =>
        (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(256, sampleRate / 6));

    /// <summary>Analyzes <paramref name="left"/> (and <paramref name="right"/>, or null for mono).</summary>
    /// <remarks><paramref name="maxFrames"/>: the reference matcher uses more frames than the analysis for a steadier estimate.</remarks>
    public static StereoSpectrum Measure(ReadOnlySpan<float> left, ReadOnlySpan<float> right, int sampleRate, int maxFrames = MaxFrames)
    {
        var stereo = !right.IsEmpty;
        var n = FrameSizeFor(sampleRate);
        var result = new StereoSpectrum(sampleRate, n);
        var frames = SelectFrames(left, right, n, maxFrames);
        var fft = new SplitComplexFft(n);
        var window = new float[n];
        for (var i = 0; i < n; i++)
        {
            window[i] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / n)));
        }

        var re = new float[n];
        var im = new float[n];
        foreach (var start in frames)
        {
            TensorPrimitives.Multiply(left.Slice(start, n), window, re);
            if (stereo)
            {
                TensorPrimitives.Multiply(right.Slice(start, n), window, im);
            }
            else
            {
                Array.Clear(im);
            }

            fft.Forward(re, im);
            result.Accumulate(re, im);
        }

        result.Frames = frames.Count;
        var windowPower = TensorPrimitives.SumOfSquares(window);
        var scale = frames.Count == 0 ? 0 : 1.0 / ((double)n * windowPower * frames.Count);
        for (var k = 0; k <= n / 2; k++)
        {
            var oneSided = k == 0 || k == n / 2 ? scale : 2 * scale;
            result.Left[k] *= oneSided;
            result.Right[k] *= oneSided;
            result.Cross[k] *= oneSided;
        }

        return result;
    }

    // Unpack X = FFT(l + i r): L[k] = (X[k] + conj X[N-k]) / 2, R[k] = (X[k] - conj X[N-k]) / 2i.
    private void Accumulate(float[] re, float[] im)
    {
        var n = re.Length;
        for (var k = 0; k <= n / 2; k++)
        {
            var j = (n - k) & (n - 1);
            double xr = re[k], xi = im[k], yr = re[j], yi = -im[j];
            var lr = (xr + yr) / 2;
            var li = (xi + yi) / 2;
            var rr = (xi - yi) / 2;
            var ri = -(xr - yr) / 2;
            Left[k] += (lr * lr) + (li * li);
            Right[k] += (rr * rr) + (ri * ri);
            Cross[k] += (lr * rr) + (li * ri);
        }
    }

    private double[] Combine(int sign) =>
        Left.Select((l, k) => (l + Right[k] + (sign * 2 * Cross[k])) / 4).ToArray();

    // "Louder passages": frame power above -70 dBFS and within 10 dB of the mean of those frames
    // (the BS.1770 gating idea on unweighted frames); at most MaxFrames, spread evenly.
    private static List<int> SelectFrames(ReadOnlySpan<float> left, ReadOnlySpan<float> right, int n, int maxFrames)
    {
        var count = left.Length / n;
        var candidates = new List<int>();
        if (count == 0)
        {
            return candidates;
        }

        var power = new double[count];
        for (var f = 0; f < count; f++)
        {
            power[f] = TensorPrimitives.SumOfSquares(left.Slice(f * n, n)) / n;
            if (!right.IsEmpty)
            {
                power[f] = (power[f] + (TensorPrimitives.SumOfSquares(right.Slice(f * n, n)) / n)) / 2;
            }
        }

        var audible = power.Where(p => p > 1e-7).ToArray();
        if (audible.Length == 0)
        {
            return candidates;
        }

        var gate = audible.Average() * 0.1;
        for (var f = 0; f < count; f++)
        {
            if (power[f] > 1e-7 && power[f] >= gate)
            {
                candidates.Add(f * n);
            }
        }

        if (candidates.Count <= maxFrames)
        {
            return candidates;
        }

        var chosen = new List<int>(maxFrames);
        for (var i = 0; i < maxFrames; i++)
        {
            chosen.Add(candidates[(int)((long)i * candidates.Count / maxFrames)]);
        }

        return chosen;
    }
}
