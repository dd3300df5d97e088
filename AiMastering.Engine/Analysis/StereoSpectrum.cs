using System.Numerics.Tensors;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// Long-term average spectra of the louder passages: Hann-windowed frames (about 6 Hz resolution),
/// left and right packed into one complex FFT per frame. Accumulates |L|^2, |R|^2 and Re(L R*), from
/// which mid, side, the channel average and per-band correlation follow. Powers are one-sided and
/// scaled so that summing all bins gives the mean square of the signal (a full-scale sine = -3 dB).
/// The frames are chosen from every frame's power (<see cref="FramePowers"/>), so a block-fed analysis
/// gathers the powers while the audio streams by and reads the chosen frames back afterwards.
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

    /// <summary>Analyzes <paramref name="left"/> (and <paramref name="right"/>, or empty for mono).</summary>
    /// <remarks><paramref name="maxFrames"/>: the reference matcher uses more frames than the analysis for a steadier estimate.</remarks>
    public static StereoSpectrum Measure(ReadOnlySpan<float> left, ReadOnlySpan<float> right, int sampleRate, int maxFrames = MaxFrames)
    {
        var powers = new FramePowers(sampleRate, stereo: !right.IsEmpty);
        powers.Append(left, right);
        var builder = new Builder(sampleRate);
        var n = builder.Result.FrameSize;
        foreach (var start in powers.Select(maxFrames))
        {
            builder.Add(left.Slice((int)start, n), right.IsEmpty ? [] : right.Slice((int)start, n));
        }

        return builder.Complete();
    }

    /// <summary>
    /// The spectrum of audio whose frame powers were gathered block by block: the chosen frames are read back from
    /// <paramref name="audio"/> (random access, e.g. a spill file), so the result equals the one-pass <see cref="Measure(ReadOnlySpan{float}, ReadOnlySpan{float}, int, int)"/>.
    /// </summary>
    public static StereoSpectrum Measure(FramePowers powers, IPlanarSource audio, int maxFrames = MaxFrames)
    {
        ArgumentNullException.ThrowIfNull(powers);
        ArgumentNullException.ThrowIfNull(audio);
        var builder = new Builder(audio.SampleRate);
        var n = builder.Result.FrameSize;
        var left = new float[n];
        var right = powers.Stereo ? new float[n] : [];
        foreach (var start in powers.Select(maxFrames))
        {
            audio.Read(0, start, left);
            if (powers.Stereo)
            {
                audio.Read(1, start, right);
            }

            builder.Add(left, right);
        }

        return builder.Complete();
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

    /// <summary>Windows, transforms and accumulates frames one by one, then scales the sums to one-sided mean-square powers.</summary>
    private sealed class Builder
    {
        private readonly SplitComplexFft fft;
        private readonly float[] window;
        private readonly float[] re;
        private readonly float[] im;

        public Builder(int sampleRate)
        {
            var n = FrameSizeFor(sampleRate);
            Result = new StereoSpectrum(sampleRate, n);
            fft = new SplitComplexFft(n);
            window = new float[n];
            for (var i = 0; i < n; i++)
            {
                window[i] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / n)));
            }

            re = new float[n];
            im = new float[n];
        }

        public StereoSpectrum Result { get; }

        public void Add(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
        {
            TensorPrimitives.Multiply(left, window, re);
            if (!right.IsEmpty)
            {
                TensorPrimitives.Multiply(right, window, im);
            }
            else
            {
                Array.Clear(im);
            }

            fft.Forward(re, im);
            Result.Accumulate(re, im);
            Result.Frames++;
        }

        public StereoSpectrum Complete()
        {
            var n = Result.FrameSize;
            var frames = Result.Frames;
            var windowPower = TensorPrimitives.SumOfSquares(window);
            var scale = frames == 0 ? 0 : 1.0 / ((double)n * windowPower * frames);
            for (var k = 0; k <= n / 2; k++)
            {
                var oneSided = k == 0 || k == n / 2 ? scale : 2 * scale;
                Result.Left[k] *= oneSided;
                Result.Right[k] *= oneSided;
                Result.Cross[k] *= oneSided;
            }

            return Result;
        }
    }
}
