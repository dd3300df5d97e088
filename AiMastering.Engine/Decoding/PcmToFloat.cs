using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AiMastering.Engine.Decoding;

/// <summary>
/// Little-endian integer PCM (16 or 24 bits) to float in [−1, 1), the scaling NAudio's sample providers use
/// (x / 2^15, x / 2^23: exact in float, so the result is bit-identical to theirs). NAudio converts sample by sample,
/// and decoding comes before anything else can start; this packs each 3-byte sample into
/// the top of an int with one byte shuffle per 4 (or 16) samples and converts those in vectors.
/// </summary>
internal static class PcmToFloat
{
    // Bytes of four 24-bit samples into the top three bytes of four ints; index ≥ 16 yields 0 (the low byte).
    private static readonly Vector128<byte> Pack24 = Vector128.Create((byte)0xFF, 0, 1, 2, 0xFF, 3, 4, 5, 0xFF, 6, 7, 8, 0xFF, 9, 10, 11);

    /// <summary>Whether <see cref="FromWavBytes"/> takes these samples: 32-bit float, 16- or 24-bit integer PCM.</summary>
    public static bool Takes(bool isFloat, int bitsPerSample) => isFloat ? bitsPerSample == 32 : bitsPerSample is 16 or 24;

    /// <summary>A WAV file's sample bytes (a format <see cref="Takes"/>) into floats; returns the sample count.</summary>
    public static int FromWavBytes(ReadOnlySpan<byte> bytes, bool isFloat, int bitsPerSample, Span<float> destination)
    {
        if (!isFloat)
        {
            return Convert(bytes, bitsPerSample, destination);
        }

        var floats = MemoryMarshal.Cast<byte, float>(bytes);
        DecodeErrors.CheckFinite(floats);
        floats.CopyTo(destination);
        return floats.Length;
    }

    /// <summary>Converts whole samples of <paramref name="pcm"/> into <paramref name="destination"/>; returns the count.</summary>
    public static int Convert(ReadOnlySpan<byte> pcm, int bitsPerSample, Span<float> destination)
    {
        var bytesPerSample = bitsPerSample / 8;
        var count = Math.Min(pcm.Length / bytesPerSample, destination.Length);
        switch (bitsPerSample)
        {
            case 16:
                Convert16(MemoryMarshal.Cast<byte, short>(pcm[..(2 * count)]), destination[..count]);
                break;
            case 24:
                Convert24(pcm[..(3 * count)], destination[..count]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(bitsPerSample), bitsPerSample, "16 or 24 bits.");
        }

        return count;
    }

    private static void Convert16(ReadOnlySpan<short> samples, Span<float> destination)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var scale = Vector256.Create(1f / 32768);
            ref var s = ref MemoryMarshal.GetReference(samples);
            ref var d = ref MemoryMarshal.GetReference(destination);
            for (; i + Vector256<short>.Count <= samples.Length; i += Vector256<short>.Count)
            {
                var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref s, (nuint)i));
                (Vector256.ConvertToSingle(low) * scale).StoreUnsafe(ref d, (nuint)i);
                (Vector256.ConvertToSingle(high) * scale).StoreUnsafe(ref d, (nuint)(i + Vector256<int>.Count));
            }
        }

        for (; i < samples.Length; i++)
        {
            destination[i] = samples[i] / 32768f;
        }
    }

    private static void Convert24(ReadOnlySpan<byte> pcm, Span<float> destination)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var scale = Vector128.Create(1f / 2147483648f);
            ref var s = ref MemoryMarshal.GetReference(pcm);
            ref var d = ref MemoryMarshal.GetReference(destination);

            // Each load reads 16 bytes for 12: stop while 4 bytes past the last group are still inside the span.
            for (; (3 * i) + 16 <= pcm.Length; i += 4)
            {
                var packed = Vector128.Shuffle(Vector128.LoadUnsafe(ref s, (nuint)(3 * i)), Pack24).AsInt32();
                (Vector128.ConvertToSingle(packed) * scale).StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < destination.Length; i++)
        {
            var at = 3 * i;
            var value = (pcm[at] << 8) | (pcm[at + 1] << 16) | (pcm[at + 2] << 24);
            destination[i] = value / 2147483648f;
        }
    }
}
