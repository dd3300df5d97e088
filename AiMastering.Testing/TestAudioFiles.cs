using System.Buffers.Binary;
using System.Diagnostics;
using AiMastering.Engine;

namespace AiMastering.Testing;

/// <summary>Writes test files byte by byte (WAV PCM/float, AIFF) and converts with the system ffmpeg.</summary>
public static class TestAudioFiles
{
    public static string NewDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "aimaster-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Stereo test music: two sines and a little noise, peak about -3 dBFS.</summary>
    public static AudioBuffer Music(int rate, double seconds, int channels = 2)
    {
        var n = (int)(rate * seconds);
        var random = new Random(42);
        var data = Enumerable.Range(0, channels).Select(c =>
        {
            var x = new float[n];
            for (var i = 0; i < n; i++)
            {
                x[i] = (float)((0.4 * Math.Sin(2 * Math.PI * (220 + (c * 110)) * i / rate)) +
                               (0.2 * Math.Sin(2 * Math.PI * 3150 * i / rate)) + (0.05 * ((2 * random.NextDouble()) - 1)));
            }

            return x;
        }).ToArray();
        return new AudioBuffer(rate, data);
    }

    /// <summary>WAV with PCM integer (bits 16/24/32) or float (32) samples; rounding like a typical writer.</summary>
    public static void WriteWav(string path, AudioBuffer audio, int bits, bool isFloat, bool extensible = false)
    {
        var bytesPerSample = bits / 8;
        var blockAlign = audio.ChannelCount * bytesPerSample;
        var data = new byte[audio.Length * blockAlign];
        for (var i = 0; i < audio.Length; i++)
        {
            for (var c = 0; c < audio.ChannelCount; c++)
            {
                WriteSample(data.AsSpan(((i * audio.ChannelCount) + c) * bytesPerSample, bytesPerSample), audio.Channels[c][i], bits, isFloat);
            }
        }

        var fmtSize = extensible ? 40 : 16;
        using var stream = File.Create(path);
        using var w = new BinaryWriter(stream);
        w.Write("RIFF"u8);
        w.Write(4 + 8 + fmtSize + 8 + data.Length);
        w.Write("WAVE"u8);
        w.Write("fmt "u8);
        w.Write(fmtSize);
        w.Write((ushort)(extensible ? 0xFFFE : isFloat ? 3 : 1));
        w.Write((ushort)audio.ChannelCount);
        w.Write(audio.SampleRate);
        w.Write(audio.SampleRate * blockAlign);
        w.Write((ushort)blockAlign);
        w.Write((ushort)bits);
        if (extensible)
        {
            w.Write((ushort)22);
            w.Write((ushort)bits);
            w.Write(audio.ChannelCount == 2 ? 3 : 4);
            w.Write((ushort)(isFloat ? 3 : 1));
            w.Write(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 });
        }

        w.Write("data"u8);
        w.Write(data.Length);
        w.Write(data);
    }

    /// <summary>Uncompressed big-endian AIFF (bits 16 or 24).</summary>
    public static void WriteAiff(string path, AudioBuffer audio, int bits)
    {
        var bytesPerSample = bits / 8;
        var data = new byte[audio.Length * audio.ChannelCount * bytesPerSample];
        for (var i = 0; i < audio.Length; i++)
        {
            for (var c = 0; c < audio.ChannelCount; c++)
            {
                var v = Quantize(audio.Channels[c][i], bits);
                var offset = ((i * audio.ChannelCount) + c) * bytesPerSample;
                for (var b = 0; b < bytesPerSample; b++)
                {
                    data[offset + b] = (byte)(v >> (8 * (bytesPerSample - 1 - b)));
                }
            }
        }

        using var stream = File.Create(path);
        var u32 = new byte[4];
        void U32(uint v)
        {
            BinaryPrimitives.WriteUInt32BigEndian(u32, v);
            stream.Write(u32);
        }

        void U16(ushort v)
        {
            stream.WriteByte((byte)(v >> 8));
            stream.WriteByte((byte)v);
        }

        stream.Write("FORM"u8);
        U32((uint)(4 + 26 + 16 + data.Length));
        stream.Write("AIFF"u8);
        stream.Write("COMM"u8);
        U32(18);
        U16((ushort)audio.ChannelCount);
        U32((uint)audio.Length);
        U16((ushort)bits);
        stream.Write(Extended(audio.SampleRate));
        stream.Write("SSND"u8);
        U32((uint)(8 + data.Length));
        U32(0);
        U32(0);
        stream.Write(data);
    }

    private static readonly string[] FfmpegQuiet = ["-nostdin", "-hide_banner", "-v", "error", "-y"];

    public static void Ffmpeg(params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in FfmpegQuiet.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        }
    }

    public static int Quantize(float x, int bits)
    {
        var max = (1L << (bits - 1)) - 1;
        return (int)Math.Clamp(Math.Round(x * (max + 1.0)), -max - 1, max);
    }

    private static void WriteSample(Span<byte> target, float x, int bits, bool isFloat)
    {
        if (isFloat)
        {
            BinaryPrimitives.WriteSingleLittleEndian(target, x);
            return;
        }

        var v = Quantize(x, bits);
        for (var b = 0; b < bits / 8; b++)
        {
            target[b] = (byte)(v >> (8 * b));
        }
    }

    private static byte[] Extended(int rate)
    {
        var exponent = 16383 + 63;
        var mantissa = (ulong)rate;
        while ((mantissa & 0x8000000000000000UL) == 0)
        {
            mantissa <<= 1;
            exponent--;
        }

        var bytes = new byte[10];
        bytes[0] = (byte)(exponent >> 8);
        bytes[1] = (byte)exponent;
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(2), mantissa);
        return bytes;
    }
}
