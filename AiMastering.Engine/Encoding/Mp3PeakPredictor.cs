using System.Buffers;
using System.Numerics.Tensors;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// The true peak the 320 kbps LAME preview of a master will have, estimated before encoding it, so that a loud
/// master is encoded once with enough attenuation instead of twice. Two things raise the preview's peaks over the
/// master's: LAME's lowpass (everything above about 20 kHz goes, which reshapes the limiter's peaks) and coding noise
/// (about 28 dB under the signal on loud passages; its largest values over the thousands of peaks of a limited master
/// add 0.1–0.65 dB). The first is computed — the BS.1770 true peak (<see cref="TruePeakMeter"/>) of the master through
/// a linear-phase lowpass at LAME's cutoff — the second is allowed for with <see cref="CodingAllowanceDb"/>, measured
/// on real masters (Encoding/README.md).
/// </summary>
internal sealed class Mp3PeakPredictor
{
    /// <summary>
    /// Added to the lowpassed master's true peak for the coding noise, in dB: the preview's true peak came 0.11–0.35 dB
    /// over the lowpassed master's on six of seven loud real masters, 0.65 dB on one (Encoding/README.md).
    /// </summary>
    public const double CodingAllowanceDb = 0.3;

    /// <summary>
    /// Width of the lowpass' transition band, in Hz. LAME's own falls from −0.5 to −60 dB within about 400 Hz; 500 Hz
    /// (twice the taps) gave the same estimates within 0.02 dB on real masters.
    /// </summary>
    private const double TransitionHz = 1000;

    /// <summary>Kaiser β of the lowpass: about 50 dB stopband.</summary>
    private const double KaiserBeta = 4.5;

    private const int BlockSize = 16 * 1024;

    /// <summary>Parts of the master measured at once: none shorter than this many samples.</summary>
    private const int MinPartSamples = 1 << 20;

    private readonly float[] taps;

    /// <param name="masterRate">The master's sample rate: the estimate is computed at it.</param>
    /// <param name="previewRate">The preview's sample rate, which sets LAME's cutoff.</param>
    /// <param name="transitionHz">Width of the lowpass' transition band (the taps grow as it narrows).</param>
    public Mp3PeakPredictor(int masterRate, int previewRate, double transitionHz = TransitionHz)
    {
        LowpassHz = LameLowpassHz(previewRate);
        taps = LowpassHz < 0.49 * masterRate ? Lowpass(LowpassHz / masterRate, masterRate, transitionHz) : [1f];
        // Triangle inequality: no interpolated value of the filtered signal exceeds max|x| over the taps' span times this.
        GainBound = taps.Sum(Math.Abs) * TruePeakMeter.GainBound;
    }

    /// <summary>The lowpass' cutoff (−6 dB), in Hz: LAME's at the preview's rate.</summary>
    public double LowpassHz { get; }

    /// <summary>Taps of the lowpass (1 when the master has nothing above the cutoff).</summary>
    public int TapCount => taps.Length;

    /// <summary>Largest ratio of the estimate to the master's sample peak, over any span of the master.</summary>
    public double GainBound { get; }

    /// <summary>
    /// Where LAME's 320 kbps lowpass falls (−6 dB), measured by encoding white noise and comparing the decoded spectrum:
    /// it asks for 20.5 kHz (its optimum_bandwidth table) and cuts at the edge of the first of its 32 polyphase bands
    /// (fs/64 wide) that lies wholly above that (48 kHz: band 27, 20.25 kHz; 44.1 kHz: band 29, 19.98 kHz), from
    /// −0.5 to −25 dB within 250 Hz. At 32 kHz it cuts at 15.27 kHz.
    /// </summary>
    public static double LameLowpassHz(int previewRate) => previewRate switch
    {
        48_000 => 27 * 48_000 / 64.0,
        44_100 => 29 * 44_100 / 64.0,
        32_000 => 15_270,
        _ => throw new ArgumentOutOfRangeException(nameof(previewRate), previewRate, "MPEG-1 Layer III rates are 32, 44.1 and 48 kHz."),
    };

    /// <summary>
    /// The true peak of the master through LAME's lowpass, in dBTP (the preview's estimate less <see cref="CodingAllowanceDb"/>). Spans of the master whose <see cref="GainBound"/> proves their
    /// estimate is at or under <paramref name="floorDbtp"/> are skipped, so when the whole master is, the value returned
    /// is somewhere at or under the floor (−∞ for silence); above it, it is exact. Measured in parallel parts, each
    /// reading the master through its own <paramref name="openMaster"/>() (disposed after, when disposable).
    /// </summary>
    public async Task<double> PredictDbtpAsync(Func<IPlanarSource> openMaster, long length, int channels, double floorDbtp, CancellationToken ct) =>
        (await ProfileAsync(openMaster, length, channels, floorDbtp, ct).ConfigureAwait(false)).TruePeakDbtp;

    /// <summary>
    /// The same, with the lowpassed master's true peak in every block of <see cref="LowpassedPeaks.BlockSamples"/>
    /// samples (0 for skipped blocks), which tells <see cref="Mp3CodingProbe"/> where the loudest peaks are.
    /// </summary>
    public async Task<LowpassedPeaks> ProfileAsync(Func<IPlanarSource> openMaster, long length, int channels, double floorDbtp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(openMaster);
        var parts = (int)Math.Clamp(length / MinPartSamples, 1, Environment.ProcessorCount);
        var blocks = (length + BlockSize - 1) / BlockSize;
        var blockPeaks = new float[blocks];
        var floor = (float)(Math.Pow(10, floorDbtp / 20) / GainBound);
        await Task.WhenAll(Enumerable.Range(0, parts).Select(p => Task.Run(
            () =>
            {
                var master = openMaster();
                try
                {
                    var first = blocks * p / parts;
                    var to = Math.Min(length, blocks * (p + 1) / parts * BlockSize);
                    MaxOfBlocks(master, channels, first, to, floor, blockPeaks, ct);
                }
                finally
                {
                    (master as IDisposable)?.Dispose();
                }
            },
            ct))).ConfigureAwait(false);
        var peak = blockPeaks.Length == 0 ? 0f : blockPeaks.Max();
        return new LowpassedPeaks(20 * Math.Log10(peak), blockPeaks, BlockSize);
    }

    // Largest interpolated |lowpass(x)| of every channel in each block from block firstBlock to sample to, into
    // blockPeaks; blocks whose samples (with their neighbours under the taps) are at or under skipUnder are left at 0.
    private void MaxOfBlocks(IPlanarSource master, int channels, long firstBlock, long to, float skipUnder, float[] blockPeaks, CancellationToken ct)
    {
        var before = TruePeakMeter.ContextBefore;
        var after = TruePeakMeter.ContextAfter;
        var half = taps.Length / 2;
        var x = ArrayPool<float>.Shared.Rent(BlockSize + before + after + taps.Length - 1);
        var y = ArrayPool<float>.Shared.Rent(BlockSize + before + after);
        try
        {
            for (var start = firstBlock * BlockSize; start < to; start += BlockSize)
            {
                var max = 0f;
                ct.ThrowIfCancellationRequested();
                var n = (int)Math.Min(BlockSize, to - start);
                var filtered = y.AsSpan(0, before + n + after);
                var input = x.AsSpan(0, filtered.Length + taps.Length - 1);
                for (var c = 0; c < channels; c++)
                {
                    // filtered[j] is the lowpass at sample start − before + j, centred on its middle tap.
                    master.Read(c, start - before - half, input);
                    if (TensorPrimitives.MaxMagnitude(input) <= skipUnder)
                    {
                        continue;
                    }

                    FirKernel.Apply(input, taps, filtered);
                    max = Math.Max(max, TruePeakMeter.MaxOfRange(y, before, n));
                }

                blockPeaks[start / BlockSize] = max;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(x);
            ArrayPool<float>.Shared.Return(y);
        }
    }

    // Kaiser-windowed sinc, linear phase, unity gain at DC; cutoff (−6 dB) at normalized frequency fc (cycles/sample).
    private static float[] Lowpass(double fc, int sampleRate, double transitionHz)
    {
        var length = (2 * (int)Math.Ceiling(3.0 * sampleRate / transitionHz / 2)) + 1;
        var half = length / 2;
        var h = new double[length];
        for (var k = 0; k < length; k++)
        {
            var t = k - half;
            var sinc = t == 0 ? 2 * fc : Math.Sin(2 * Math.PI * fc * t) / (Math.PI * t);
            h[k] = sinc * Kaiser.Window(t / (double)(half + 1), KaiserBeta);
        }

        var sum = h.Sum();
        return [.. h.Select(v => (float)(v / sum))];
    }
}
