using AiMastering.Engine;

namespace AiMastering.Testing;

/// <summary>Synthetic signals for the matcher: stereo noise with a spectral tilt and partly correlated channels.</summary>
public static class MatchSignals
{
    /// <summary>
    /// Stereo noise: white noise through a one-pole low-pass (coefficient <paramref name="darkness"/>, 0 = white),
    /// left/right sharing <paramref name="correlation"/> of their power, at about −20 dBFS RMS.
    /// </summary>
    public static AudioBuffer Noise(int sampleRate, double seconds, double darkness = 0.5, double correlation = 0.7, int seed = 1, int channels = 2)
    {
        var random = new Random(seed);
        var length = (int)(seconds * sampleRate);
        var data = Enumerable.Range(0, channels).Select(_ => new float[length]).ToArray();
        var state = new double[channels];
        var shared = Math.Sqrt(correlation);
        var own = Math.Sqrt(1 - correlation);
        for (var i = 0; i < length; i++)
        {
            var common = Gaussian(random);
            for (var c = 0; c < channels; c++)
            {
                var x = (shared * common) + (own * Gaussian(random));
                state[c] = ((1 - darkness) * x) + (darkness * state[c]);
                data[c][i] = (float)(0.1 * state[c]);
            }
        }

        return new AudioBuffer(sampleRate, data);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
