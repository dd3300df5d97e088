using System.Buffers.Binary;

namespace AiMastering.Tests.Support;

/// <summary>
/// Writes WAV files byte by byte — good ones and deliberately broken ones — independently of the
/// product's own writer, so tests do not check the code with itself.
/// </summary>
public static class TestWav
{
    /// <summary>16-bit PCM WAV of the given planar samples.</summary>
    public static byte[] Pcm16(int sampleRate, float[][] channels)
    {
        var frames = channels[0].Length;
        var data = new byte[frames * channels.Length * 2];
        var o = 0;
        for (var i = 0; i < frames; i++)
        {
            foreach (var ch in channels)
            {
                var v = (short)Math.Clamp(Math.Round(ch[i] * 32767.0), short.MinValue, short.MaxValue);
                BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(o), v);
                o += 2;
            }
        }

        return Riff(sampleRate, (short)channels.Length, 16, (uint)data.Length, data);
    }

    /// <summary>A 32-bit float WAV (format 3) of interleaved <paramref name="samples"/>, whatever values they hold.</summary>
    public static byte[] IeeeFloat(int sampleRate, short channels, ReadOnlySpan<float> samples)
    {
        var data = System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples);
        var wav = Riff(sampleRate, channels, 32, (uint)data.Length, data);
        wav[20] = 3;
        return wav;
    }

    /// <summary>A RIFF/WAVE file with a PCM fmt chunk whose header may say anything.</summary>
    public static byte[] Riff(int sampleRate, short channels, short bits, uint declaredDataBytes, ReadOnlySpan<byte> data)
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("RIFF"u8);
        w.Write((uint)Math.Min(uint.MaxValue, 36L + declaredDataBytes));
        w.Write("WAVE"u8);
        w.Write("fmt "u8);
        w.Write(16);
        w.Write((short)1);
        w.Write(channels);
        w.Write(sampleRate);
        w.Write(sampleRate * channels * bits / 8);
        w.Write((short)(channels * bits / 8));
        w.Write(bits);
        w.Write("data"u8);
        w.Write(declaredDataBytes);
        w.Write(data);
        w.Flush();
        return ms.ToArray();
    }

    public static float[] Sine(int sampleRate, double seconds, double frequencyHz, double amplitude)
    {
        var n = (int)(sampleRate * seconds);
        var x = new float[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequencyHz * i / sampleRate));
        }

        return x;
    }

    /// <summary>Deterministic noise with a slow loudness envelope, something like a mix.</summary>
    public static float[][] MixLike(int sampleRate, double seconds, int channels, double amplitude, int seed = 1)
    {
        var random = new Random(seed);
        var n = (int)(sampleRate * seconds);
        var result = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            result[c] = new float[n];
        }

        double b0 = 0, b1 = 0, b2 = 0;
        for (var i = 0; i < n; i++)
        {
            // Paul Kellet's economy pink-noise filter.
            var white = (random.NextDouble() * 2) - 1;
            b0 = (0.99765 * b0) + (white * 0.0990460);
            b1 = (0.96300 * b1) + (white * 0.2965164);
            b2 = (0.57000 * b2) + (white * 1.0526913);
            var pink = (b0 + b1 + b2 + (white * 0.1848)) * 0.2;
            var envelope = 0.6 + (0.4 * Math.Abs(Math.Sin(Math.PI * 2 * i / sampleRate)));
            var bass = 0.5 * Math.Sin(2 * Math.PI * 55 * i / sampleRate);
            for (var c = 0; c < channels; c++)
            {
                result[c][i] = (float)(amplitude * ((pink * envelope) + (bass * (c == 0 ? 1 : 0.9))));
            }
        }

        return result;
    }
}
