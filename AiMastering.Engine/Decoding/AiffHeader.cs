using System.Buffers.Binary;

namespace AiMastering.Engine.Decoding;

/// <summary>Reads and validates an AIFF/AIFC header from the bytes: 'COMM' and 'SSND' chunks (big-endian).</summary>
internal static class AiffHeader
{
    public static AudioProbeResult Read(Stream stream, out string compression)
    {
        var fileLength = stream.Length;
        Span<byte> head = stackalloc byte[12];
        stream.Position = 0;
        stream.ReadExactly(head);
        var isAifc = head[8..12].SequenceEqual("AIFC"u8);
        Span<byte> chunk = stackalloc byte[8];
        Span<byte> comm = stackalloc byte[22];
        int? channels = null;
        long frames = 0;
        int bits = 0, rate = 0;
        compression = "NONE";
        while (true)
        {
            if (stream.Position + 8 > fileLength)
            {
                throw channels is null ? DecodeErrors.TruncatedHeader() : DecodeErrors.NoAudio();
            }

            stream.ReadExactly(chunk);
            var size = BinaryPrimitives.ReadUInt32BigEndian(chunk[4..]);
            var dataStart = stream.Position;
            if (chunk[..4].SequenceEqual("COMM"u8))
            {
                var n = isAifc ? 22 : 18;
                if (size < n || dataStart + n > fileLength)
                {
                    throw DecodeErrors.TruncatedHeader();
                }

                stream.ReadExactly(comm[..n]);
                channels = BinaryPrimitives.ReadUInt16BigEndian(comm);
                frames = BinaryPrimitives.ReadUInt32BigEndian(comm[2..]);
                bits = BinaryPrimitives.ReadUInt16BigEndian(comm[6..]);
                rate = (int)Math.Clamp(ReadExtended(comm.Slice(8, 10)), 0, int.MaxValue);
                if (isAifc)
                {
                    compression = System.Text.Encoding.ASCII.GetString(comm.Slice(18, 4));
                }
            }
            else if (chunk[..4].SequenceEqual("SSND"u8))
            {
                if (channels is null)
                {
                    throw DecodeErrors.Failed("the sound chunk comes before the format chunk");
                }

                return Validate(channels.Value, frames, bits, rate, compression, (long)size - 8, fileLength - dataStart - 8);
            }

            stream.Position = dataStart + size + (size & 1);
        }
    }

    private static AudioProbeResult Validate(int channels, long frames, int bits, int rate, string compression, long size, long available)
    {
        HeaderLimits.CheckFormat(rate, channels);
        var isFloat = compression is "fl32" or "FL32" or "fl64" or "FL64";
        if (compression is not ("NONE" or "twos" or "sowt") && !isFloat)
        {
            throw DecodeErrors.Encoding($"AIFC compression '{compression}'");
        }

        if (bits is not (8 or 16 or 24 or 32 or 64))
        {
            throw DecodeErrors.Absurd($"it claims {bits}-bit samples");
        }

        if (channels > 2)
        {
            throw DecodeErrors.TooManyChannels(channels);
        }

        if (frames == 0 || size <= 0)
        {
            throw DecodeErrors.NoAudio();
        }

        var blockAlign = channels * bits / 8;
        HeaderLimits.CheckData(frames * blockAlign, Math.Min(size, available), blockAlign, rate);
        return new AudioProbeResult(
            AudioContainer.Aiff, rate, channels, bits, isFloat, frames, isFloat ? $"{bits}-bit float" : $"{bits}-bit PCM");
    }

    // IEEE 754 80-bit extended (big-endian): sign+exponent (16 bits), explicit-integer mantissa (64 bits).
    private static double ReadExtended(ReadOnlySpan<byte> b)
    {
        var exponent = ((b[0] & 0x7F) << 8) | b[1];
        var mantissa = BinaryPrimitives.ReadUInt64BigEndian(b[2..]);
        if (exponent == 0 && mantissa == 0)
        {
            return 0;
        }

        var value = mantissa * Math.Pow(2, exponent - 16383 - 63);
        return (b[0] & 0x80) != 0 ? -value : value;
    }
}
