using AiMastering.Engine.Analysis;
using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Matching;

/// <summary>
/// Linear-phase FIR by frequency sampling: the gain curve is sampled on the FFT grid with zero phase,
/// transformed back, centred, and Hann-windowed (smooth curves need no sharper window; the window keeps
/// the response free of time-aliasing ripple). An odd length gives an integer delay of (taps − 1) / 2.
/// </summary>
internal static class FirDesigner
{
    public static float[] LinearPhase(IReadOnlyList<SpectrumPoint> gainDb, int sampleRate, int taps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(taps, 3);
        if (taps % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(taps), taps, "A linear-phase FIR with an integer delay needs an odd length.");
        }

        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(taps + 1));
        var fft = new SplitComplexFft(size);
        var re = new float[size];
        var im = new float[size];
        for (var k = 0; k <= size / 2; k++)
        {
            var hz = Math.Max(k, 0.5) * sampleRate / size;
            var gain = (float)Math.Pow(10, Curve.At(gainDb, hz) / 20);
            re[k] = gain;
            if (k > 0 && k < size / 2)
            {
                re[size - k] = gain;
            }
        }

        fft.Inverse(re, im);
        var center = (taps - 1) / 2;
        var h = new float[taps];
        for (var n = 0; n < taps; n++)
        {
            var window = 0.5 - (0.5 * Math.Cos(2 * Math.PI * (n + 1) / (taps + 1)));
            h[n] = (float)(re[(n - center + size) % size] / size * window);
        }

        return h;
    }
}
