using AiMastering.Engine;

namespace AiMastering.UnitTests.Processing;

/// <summary>Synthesised test signals whose answers are known.</summary>
internal static class Signals
{
    public static float[] Sine(int sampleRate, double frequencyHz, double amplitude, int length, double phaseRadians = 0)
    {
        var x = new float[length];
        for (var n = 0; n < length; n++)
        {
            x[n] = (float)(amplitude * Math.Sin((2 * Math.PI * frequencyHz * n / sampleRate) + phaseRadians));
        }

        return x;
    }

    /// <summary>fs/4 sine at 45°: samples at ±A/√2, reconstructed peak A (+3.01 dB over the sample peak).</summary>
    public static float[] QuarterRateSine(int sampleRate, double truePeakAmplitude, int length) =>
        Sine(sampleRate, sampleRate / 4.0, truePeakAmplitude, length, Math.PI / 4);

    /// <summary>Naive (aliased) square wave: worst-case Gibbs overshoot on reconstruction.</summary>
    public static float[] Square(int sampleRate, double frequencyHz, double amplitude, int length)
    {
        var x = new float[length];
        var period = sampleRate / frequencyHz;
        for (var n = 0; n < length; n++)
        {
            x[n] = (float)((n % period) < period / 2 ? amplitude : -amplitude);
        }

        return x;
    }

    /// <summary>Isolated impulses and alternating impulse pairs (+A, −A) in silence.</summary>
    public static float[] Impulses(int sampleRate, double amplitude, int length)
    {
        var x = new float[length];
        var spacing = sampleRate / 20;
        for (var n = spacing / 4; n + (spacing / 2) + 1 < length; n += spacing)
        {
            x[n] = (float)amplitude;
            x[n + spacing / 2] = (float)amplitude;
            x[n + (spacing / 2) + 1] = (float)-amplitude;
        }

        return x;
    }

    /// <summary>White Gaussian noise bursts of 50 ms separated by 50 ms of silence.</summary>
    public static float[] NoiseBursts(int sampleRate, double rmsAmplitude, int length, int seed)
    {
        var random = new Random(seed);
        var x = new float[length];
        var burst = sampleRate / 20;
        for (var n = 0; n < length; n++)
        {
            if ((n / burst) % 2 == 0)
            {
                var u1 = 1.0 - random.NextDouble();
                var u2 = random.NextDouble();
                x[n] = (float)(rmsAmplitude * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            }
        }

        return x;
    }

    public static float[] WhiteNoise(double rmsAmplitude, int length, int seed)
    {
        var random = new Random(seed);
        var x = new float[length];
        for (var n = 0; n < length; n++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            x[n] = (float)(rmsAmplitude * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return x;
    }

    public static AudioBuffer Stereo(int sampleRate, float[] left, float[] right) => new(sampleRate, [left, right]);

    public static AudioBuffer Copy(AudioBuffer audio) =>
        new(audio.SampleRate, [.. audio.Channels.Select(c => (float[])c.Clone())]);

    public static double RmsDb(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var v in x)
        {
            sum += (double)v * v;
        }

        return 10 * Math.Log10(sum / x.Length);
    }
}
