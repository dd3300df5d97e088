using System.Buffers;
using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AiMastering.Engine.Dsp;
using AiMastering.Engine.Processing;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// Writes RIFF/WAVE files from planar float audio, streaming in blocks (bounded memory).
/// 16- and 24-bit integer PCM (WAVE_FORMAT_PCM) or 32-bit float (WAVE_FORMAT_IEEE_FLOAT);
/// WAVE_FORMAT_EXTENSIBLE when there are more than 2 channels. Samples are clamped to full
/// scale; 16-bit output can be TPDF-dithered (<see cref="TpdfDither"/>).
/// </summary>
public static class WavWriter
{
    /// <summary>Default bit depth of a master: 24-bit PCM.</summary>
    public const int DefaultBitDepth = 24;

    /// <summary>Bit depth value meaning 32-bit IEEE float.</summary>
    public const int FloatBitDepth = 32;

    private const int BlockFrames = 4096;
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    public static void Write(string path, AudioBuffer audio, int bitDepth = DefaultBitDepth, bool dither = false)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(stream, audio, bitDepth, dither);
    }

    /// <param name="bitDepth">16, 24 (PCM) or 32 (float).</param>
    /// <param name="dither">TPDF dither before quantising; only for 16-bit.</param>
    public static void Write(Stream stream, AudioBuffer audio, int bitDepth = DefaultBitDepth, bool dither = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(audio);
        WriteHeader(stream, audio.SampleRate, audio.ChannelCount, audio.Length, bitDepth);
        WriteData(stream, audio, bitDepth, dither && bitDepth == 16);
        WritePadding(stream, audio.ChannelCount, audio.Length, bitDepth);
        stream.Flush();
    }

    /// <summary>The RIFF/WAVE header of a file of <paramref name="frames"/> frames, up to the start of the samples.</summary>
    internal static void WriteHeader(Stream stream, int sampleRate, int channels, long frames, int bitDepth)
    {
        if (bitDepth is not (16 or 24 or FloatBitDepth))
        {
            throw new ArgumentOutOfRangeException(nameof(bitDepth), bitDepth, "Bit depth must be 16, 24 or 32 (float).");
        }

        var bytesPerSample = bitDepth / 8;
        var blockAlign = channels * bytesPerSample;
        var dataBytes = frames * blockAlign;
        var isFloat = bitDepth == FloatBitDepth;
        var extensible = channels > 2;
        var fmtSize = extensible ? 40 : isFloat ? 18 : 16;
        var factSize = isFloat && !extensible ? 12 : 0;
        var riffSize = 4 + (8 + fmtSize) + factSize + 8 + dataBytes + (dataBytes & 1);
        if (riffSize > uint.MaxValue)
        {
            throw new ArgumentException("Audio is too long for a RIFF/WAVE file (4 GiB).", nameof(frames));
        }

        Span<byte> header = stackalloc byte[12 + 8 + 40 + 12 + 8];
        var h = 0;
        WriteTag(header, ref h, "RIFF");
        WriteUInt32(header, ref h, (uint)riffSize);
        WriteTag(header, ref h, "WAVE");
        WriteTag(header, ref h, "fmt ");
        WriteUInt32(header, ref h, (uint)fmtSize);
        WriteUInt16(header, ref h, extensible ? FormatExtensible : isFloat ? FormatFloat : FormatPcm);
        WriteUInt16(header, ref h, (ushort)channels);
        WriteUInt32(header, ref h, (uint)sampleRate);
        WriteUInt32(header, ref h, (uint)(sampleRate * blockAlign));
        WriteUInt16(header, ref h, (ushort)blockAlign);
        WriteUInt16(header, ref h, (ushort)bitDepth);
        if (extensible)
        {
            WriteUInt16(header, ref h, 22);                       // cbSize
            WriteUInt16(header, ref h, (ushort)bitDepth);         // valid bits per sample
            WriteUInt32(header, ref h, channels <= 18 ? (uint)((1 << channels) - 1) : 0); // channel mask: first N speakers
            WriteUInt16(header, ref h, isFloat ? FormatFloat : FormatPcm); // sub-format GUID {0000000X-0000-0010-8000-00AA00389B71}
            WriteUInt16(header, ref h, 0);
            WriteUInt32(header, ref h, 0x00100000);
            WriteUInt32(header, ref h, 0xAA000080);
            WriteUInt32(header, ref h, 0x719B3800);
        }
        else if (isFloat)
        {
            WriteUInt16(header, ref h, 0);                        // cbSize
        }

        if (factSize > 0)
        {
            WriteTag(header, ref h, "fact");
            WriteUInt32(header, ref h, 4);
            WriteUInt32(header, ref h, (uint)frames);
        }

        WriteTag(header, ref h, "data");
        WriteUInt32(header, ref h, (uint)dataBytes);
        stream.Write(header[..h]);
    }

    /// <summary>The pad byte RIFF requires after an odd-sized data chunk.</summary>
    internal static void WritePadding(Stream stream, int channels, long frames, int bitDepth)
    {
        if ((frames * channels * (bitDepth / 8) & 1) == 1)
        {
            stream.WriteByte(0);
        }
    }

    private static void WriteData(Stream stream, AudioBuffer audio, int bitDepth, bool dither)
    {
        var channels = audio.ChannelCount;
        var bytesPerSample = bitDepth / 8;
        var bytes = ArrayPool<byte>.Shared.Rent(BlockFrames * channels * bytesPerSample);
        float[][] scratch = [.. Enumerable.Range(0, channels).Select(_ => new float[BlockFrames])];
        var ditherer = dither ? new TpdfDither(audio.SampleRate, channels, new TpdfDitherSettings(16)) : null;
        try
        {
            for (var start = 0; start < audio.Length; start += BlockFrames)
            {
                var n = Math.Min(BlockFrames, audio.Length - start);
                var block = new AudioBlock(audio.Channels, start, n);
                if (ditherer is not null)
                {
                    for (var c = 0; c < channels; c++)
                    {
                        audio.Channels[c].AsSpan(start, n).CopyTo(scratch[c]);
                    }

                    block = new AudioBlock(scratch, 0, n);
                    ditherer.Process(block);
                }

                var output = bytes.AsSpan(0, n * channels * bytesPerSample);
                Encode(block, bitDepth, output);
                stream.Write(output);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Interleaves and quantises one block into little-endian sample bytes (clamped to full scale).</summary>
    internal static void Encode(AudioBlock block, int bitDepth, Span<byte> output)
    {
        var channels = block.ChannelCount;
        var bytesPerSample = bitDepth / 8;
        var stride = channels * bytesPerSample;
        if (bitDepth == FloatBitDepth)
        {
            for (var c = 0; c < channels; c++)
            {
                var x = block[c];
                for (int i = 0, o = c * bytesPerSample; i < x.Length; i++, o += stride)
                {
                    var v = x[i];
                    BinaryPrimitives.WriteSingleLittleEndian(output[o..], float.IsNaN(v) ? 0f : Math.Clamp(v, -1f, 1f));
                }
            }

            return;
        }

        // Integer PCM: scale, round half to even, clamp (vectorised, the same values as MathF.Round and Math.Clamp),
        // then pack the little-endian bytes.
        var full = bitDepth == 16 ? 32768f : 8388608f;
        var n = block.Length;
        var ints = ArrayPool<int>.Shared.Rent(n * channels);
        var scaled = ArrayPool<float>.Shared.Rent(n);
        try
        {
            for (var c = 0; c < channels; c++)
            {
                var v = scaled.AsSpan(0, n);
                TensorPrimitives.Multiply(block[c], full, v);
                TensorPrimitives.Round(v, v);
                TensorPrimitives.Clamp(v, -full, full - 1, v);
                TensorPrimitives.ConvertTruncating<float, int>(v, ints.AsSpan(c * n, n));
            }

            if (bitDepth == 24 && BitConverter.IsLittleEndian && n > 0)
            {
                Pack24(ints, n, channels, output);
                return;
            }

            for (var c = 0; c < channels; c++)
            {
                var s = ints.AsSpan(c * n, n);
                var o = c * bytesPerSample;
                if (bitDepth == 16)
                {
                    for (var i = 0; i < s.Length; i++, o += stride)
                    {
                        BinaryPrimitives.WriteInt16LittleEndian(output[o..], (short)s[i]);
                    }
                }
                else
                {
                    for (var i = 0; i < s.Length; i++, o += stride)
                    {
                        var q = s[i];
                        output[o] = (byte)q;
                        output[o + 1] = (byte)(q >> 8);
                        output[o + 2] = (byte)(q >> 16);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ints);
            ArrayPool<float>.Shared.Return(scaled);
        }
    }

    // 24-bit little-endian samples in frame order, one 4-byte store each: the store's top byte is overwritten by the
    // next sample's, and only the very last sample is written byte by byte (3 stores per sample before).
    private static void Pack24(int[] ints, int n, int channels, Span<byte> output)
    {
        var total = n * channels;
        ref var dst = ref MemoryMarshal.GetReference(output[..(total * 3)]);
        ref var src = ref MemoryMarshal.GetArrayDataReference(ints);
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < channels; c++, k++)
            {
                var q = Unsafe.Add(ref src, (c * n) + i);
                if (k == total - 1)
                {
                    Unsafe.Add(ref dst, 3 * k) = (byte)q;
                    Unsafe.Add(ref dst, (3 * k) + 1) = (byte)(q >> 8);
                    Unsafe.Add(ref dst, (3 * k) + 2) = (byte)(q >> 16);
                }
                else
                {
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, 3 * k), q);
                }
            }
        }
    }

    private static void WriteTag(Span<byte> b, ref int at, string tag)
    {
        for (var i = 0; i < 4; i++)
        {
            b[at + i] = (byte)tag[i];
        }

        at += 4;
    }

    private static void WriteUInt16(Span<byte> b, ref int at, ushort v)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(b[at..], v);
        at += 2;
    }

    private static void WriteUInt32(Span<byte> b, ref int at, uint v)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(b[at..], v);
        at += 4;
    }
}
