using AiMastering.Engine;

namespace AiMastering.UnitTests.Analysis;

/// <summary>Synthesized test signals with known answers.</summary>
internal static class Signals
{
    public static float Amplitude(double dbfs) => (float)Math.Pow(10, dbfs / 20);

    /// <summary>Stereo (identical channels) 1 kHz sine in segments of (seconds, peak dBFS); null level = silence.</summary>
    public static AudioBuffer SineSegments(int sampleRate, params (double Seconds, double? Dbfs)[] segments) =>
        SineSegments(sampleRate, 1000, segments);

    public static AudioBuffer SineSegments(int sampleRate, double frequencyHz, params (double Seconds, double? Dbfs)[] segments)
    {
        var total = segments.Sum(s => (int)Math.Round(s.Seconds * sampleRate));
        var left = new float[total];
        var n = 0;
        foreach (var (seconds, dbfs) in segments)
        {
            var count = (int)Math.Round(seconds * sampleRate);
            var a = dbfs is { } d ? Amplitude(d) : 0f;
            for (var i = 0; i < count; i++, n++)
            {
                left[n] = a * (float)Math.Sin(2 * Math.PI * frequencyHz * n / sampleRate);
            }
        }

        return new AudioBuffer(sampleRate, [left, (float[])left.Clone()]);
    }

    /// <summary>
    /// Stereo sine at a fraction of the sample rate with a start phase (EBU Tech 3341 true-peak cases).
    /// 20 ms raised-cosine fades keep the abrupt start and end (a real overshoot) out of the stationary case.
    /// </summary>
    public static AudioBuffer PhasedSine(int sampleRate, double cyclesPerSample, double phaseDegrees, double peakDbfs, double seconds = 2)
    {
        var length = (int)(seconds * sampleRate);
        var a = Math.Pow(10, peakDbfs / 20);
        var phase = phaseDegrees * Math.PI / 180;
        var x = new float[length];
        for (var i = 0; i < length; i++)
        {
            x[i] = (float)(a * Math.Sin((2 * Math.PI * cyclesPerSample * i) + phase));
        }

        var fade = sampleRate / 50;
        for (var i = 0; i < fade; i++)
        {
            var g = (float)(0.5 - (0.5 * Math.Cos(Math.PI * i / fade)));
            x[i] *= g;
            x[length - 1 - i] *= g;
        }

        return new AudioBuffer(sampleRate, [x, (float[])x.Clone()]);
    }

    public static float[] WhiteNoise(int length, int seed, double rmsDbfs)
    {
        var random = new Random(seed);
        var x = new float[length];
        var a = Math.Pow(10, rmsDbfs / 20) * Math.Sqrt(3);
        for (var i = 0; i < length; i++)
        {
            x[i] = (float)(a * ((2 * random.NextDouble()) - 1));
        }

        return x;
    }

    /// <summary>Pink noise (Paul Kellet's refined filter, within 0.05 dB of -3 dB/octave above 10 Hz at 44.1 kHz).</summary>
    public static float[] PinkNoise(int length, int seed, double scale = 0.05)
    {
        var random = new Random(seed);
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        var x = new float[length];
        for (var i = 0; i < length; i++)
        {
            var white = (2 * random.NextDouble()) - 1;
            b0 = (0.99886 * b0) + (white * 0.0555179);
            b1 = (0.99332 * b1) + (white * 0.0750759);
            b2 = (0.96900 * b2) + (white * 0.1538520);
            b3 = (0.86650 * b3) + (white * 0.3104856);
            b4 = (0.55000 * b4) + (white * 0.5329522);
            b5 = (-0.7616 * b5) - (white * 0.0168980);
            x[i] = (float)(scale * (b0 + b1 + b2 + b3 + b4 + b5 + b6 + (white * 0.5362)));
            b6 = white * 0.115926;
        }

        return x;
    }

    public static AudioBuffer Scaled(AudioBuffer audio, double gainDb)
    {
        var g = (float)Math.Pow(10, gainDb / 20);
        return new AudioBuffer(audio.SampleRate, audio.Channels.Select(c => c.Select(v => v * g).ToArray()).ToArray());
    }
}
