using AiMastering.Engine;
using AiMastering.Engine.Decoding;
using AiMastering.Tests.Mastering;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Encoding;

/// <summary>Masters to preview: real music excerpts and a synthetic mix, at a master's level (sample peak −3 dBFS).</summary>
internal static class PreviewSignals
{
    public const double PeakDbfs = -3;

    /// <summary>A fretsonfire-songs-muldjord song (song + guitar stems), <paramref name="seconds"/> from 30 s in.</summary>
    public static AudioBuffer Music(string dir, string song, int rate, int channels, double seconds = 30) =>
        AtPeak(AudioDecoder.Decode(MusicMixes.Create(dir, song, rate, channels, startSeconds: 30, seconds: seconds)));

    /// <summary>A 997 Hz tone, a slow sweep and pink noise with a moving envelope: tonal enough that a discontinuity would ring.</summary>
    public static AudioBuffer Synthetic(int rate, int channels, double seconds = 30)
    {
        const double StartHz = 100;
        const double Ratio = 100; // exponential sweep 100 Hz → 10 kHz: phase = 2π f0 T (Ratio^(t/T) − 1) / ln Ratio
        var noise = TestWav.MixLike(rate, seconds, channels, 0.15);
        for (var c = 0; c < channels; c++)
        {
            var x = noise[c];
            for (var i = 0; i < x.Length; i++)
            {
                var t = (double)i / rate;
                var sweepPhase = 2 * Math.PI * StartHz * seconds * (Math.Pow(Ratio, t / seconds) - 1) / Math.Log(Ratio);
                x[i] += (float)((0.3 * Math.Sin(2 * Math.PI * 997 * t)) + (0.2 * Math.Sin(sweepPhase + c)));
            }
        }

        return AtPeak(new AudioBuffer(rate, noise));
    }

    private static AudioBuffer AtPeak(AudioBuffer audio)
    {
        var peak = audio.Channels.Max(c => c.Max(Math.Abs));
        var gain = (float)(Math.Pow(10, PeakDbfs / 20) / peak);
        foreach (var channel in audio.Channels)
        {
            for (var i = 0; i < channel.Length; i++)
            {
                channel[i] *= gain;
            }
        }

        return audio;
    }
}
