using AiMastering.Engine;

namespace AiMastering.Testing;

/// <summary>
/// Independent tonal-balance distance between two tracks, used by the tests and the benchmark to judge the
/// reference match without trusting its own measurements: a Welch power spectrum of the mid channel
/// (mean of the channels; Hann frames of about 1/3 s, 50 % overlap, the whole track, double precision,
/// its own FFT) summed into 1/3-octave bands 62.5 Hz–16 kHz (base-2 centres, edges at ±1/6 octave, whole
/// bins by centre frequency). The distance is the RMS over bands of the level difference after removing
/// its mean — which is the same as normalising both tracks to the same loudness first.
/// Works across sample rates (bands are in Hz).
/// </summary>
public static class TonalDistance
{
    /// <summary>The 25 band centres 62.5·2^(n/3) Hz, n = 0…24 (62.5 Hz – 16 kHz).</summary>
    public static IReadOnlyList<double> BandCentersHz { get; } = [.. Enumerable.Range(0, 25).Select(n => 62.5 * Math.Pow(2, n / 3.0))];

    /// <summary>RMS (dB) over the bands of the mean-removed difference of the two tracks' mid band levels.</summary>
    public static double MidRmsDb(AudioBuffer a, AudioBuffer b) => RmsDb(MidBandLevelsDb(a), MidBandLevelsDb(b));

    /// <summary>RMS (dB) over bands of the mean-removed difference of two band-level lists.</summary>
    public static double RmsDb(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var difference = a.Zip(b, (x, y) => x - y).ToArray();
        var mean = difference.Average();
        return Math.Sqrt(difference.Average(d => (d - mean) * (d - mean)));
    }

    /// <summary>Mid-channel 1/3-octave band levels (dB, mean square) at <see cref="BandCentersHz"/>.</summary>
    public static double[] MidBandLevelsDb(AudioBuffer audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(audio.SampleRate / 3));
        var hop = size / 2;
        var window = Enumerable.Range(0, size).Select(i => 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / size))).ToArray();
        var fft = new DoubleFft(size);
        var data = new double[2 * size];
        var power = new double[(size / 2) + 1];
        var frames = 0;
        var scale = 1.0 / audio.ChannelCount;

        // Two real frames per complex transform: x = f1 + i·f2, |F1|² and |F2|² from X[k] and X[N−k].
        for (long start = 0; start + size <= audio.Length; start += 2 * hop)
        {
            var second = start + hop + size <= audio.Length;
            for (var i = 0; i < size; i++)
            {
                data[2 * i] = Mid(audio, start + i, scale) * window[i];
                data[(2 * i) + 1] = second ? Mid(audio, start + hop + i, scale) * window[i] : 0;
            }

            fft.Forward(data);
            for (var k = 0; k <= size / 2; k++)
            {
                var j = (size - k) % size;
                double xr = data[2 * k], xi = data[(2 * k) + 1], yr = data[2 * j], yi = -data[(2 * j) + 1];
                double ar = (xr + yr) / 2, ai = (xi + yi) / 2, br = (xi - yi) / 2, bi = -(xr - yr) / 2;
                power[k] += (ar * ar) + (ai * ai) + (second ? (br * br) + (bi * bi) : 0);
            }

            frames += second ? 2 : 1;
        }

        var binHz = audio.SampleRate / (double)size;
        var norm = 2.0 / (Math.Max(1, frames) * size * window.Sum(w => w * w));
        return [.. BandCentersHz.Select(fc =>
        {
            double sum = 0;
            var edge = Math.Pow(2, 1.0 / 6);
            for (var k = 1; k < power.Length; k++)
            {
                var hz = k * binHz;
                if (hz >= fc / edge && hz < fc * edge)
                {
                    sum += power[k];
                }
            }

            return 10 * Math.Log10((sum * norm) + 1e-30);
        })];
    }

    private static double Mid(AudioBuffer audio, long index, double scale)
    {
        double sum = 0;
        foreach (var channel in audio.Channels)
        {
            sum += channel[index];
        }

        return sum * scale;
    }
}
