using System.Buffers.Binary;

namespace AiMastering.Engine.Decoding;

/// <summary>Reads and validates FLAC STREAMINFO; walks the metadata blocks to find where audio frames begin.</summary>
internal static class FlacHeader
{
    public static AudioProbeResult Read(Stream stream)
    {
        var fileLength = stream.Length;
        Span<byte> start = stackalloc byte[10];
        stream.Position = 0;
        stream.ReadExactly(start[..4]);
        if (!start[..4].SequenceEqual("fLaC"u8))
        {
            // Skip an ID3v2 tag in front of the stream.
            stream.Position = 0;
            stream.ReadExactly(start);
            stream.Position = 10 + (((start[6] & 0x7F) << 21) | ((start[7] & 0x7F) << 14) | ((start[8] & 0x7F) << 7) | (start[9] & 0x7F)) + 4;
        }

        Span<byte> header = stackalloc byte[4];
        Span<byte> info = stackalloc byte[34];
        AudioProbeResult? result = null;
        var last = false;
        while (!last)
        {
            if (stream.Position + 4 > fileLength)
            {
                throw DecodeErrors.TruncatedHeader();
            }

            stream.ReadExactly(header);
            last = (header[0] & 0x80) != 0;
            var type = header[0] & 0x7F;
            var length = (header[1] << 16) | (header[2] << 8) | header[3];
            if (stream.Position + length > fileLength)
            {
                throw DecodeErrors.TruncatedHeader();
            }

            if (type == 0)
            {
                if (length < 34)
                {
                    throw DecodeErrors.Absurd("its stream information block is too short");
                }

                stream.ReadExactly(info);
                stream.Position += length - 34;
                result = Parse(info);
            }
            else
            {
                stream.Position += length;
            }
        }

        if (result is null)
        {
            throw DecodeErrors.Failed("the FLAC stream information is missing");
        }

        if (stream.Position >= fileLength)
        {
            throw DecodeErrors.NoAudio();
        }

        return result;
    }

    // STREAMINFO: rate 20 bits, channels-1 3 bits, bits-1 5 bits, total samples 36 bits (from byte 10).
    private static AudioProbeResult Parse(ReadOnlySpan<byte> info)
    {
        var packed = BinaryPrimitives.ReadUInt64BigEndian(info[10..]);
        var rate = (int)(packed >> 44);
        var channels = (int)((packed >> 41) & 0x7) + 1;
        var bits = (int)((packed >> 36) & 0x1F) + 1;
        var frames = (long)(packed & 0xF_FFFF_FFFF);
        HeaderLimits.CheckFormat(rate, channels);
        if (channels > 2)
        {
            throw DecodeErrors.TooManyChannels(channels);
        }

        if (frames / (double)rate > HeaderLimits.MaxPlausibleSeconds)
        {
            throw DecodeErrors.Absurd($"it claims {frames / (double)rate / 3600:0} hours of audio");
        }

        return new AudioProbeResult(AudioContainer.Flac, rate, channels, bits, false, frames, $"FLAC {bits}-bit");
    }
}
