using System.Buffers.Binary;

namespace AiMastering.Engine.Decoding;

/// <summary>Reads and validates a RIFF/WAVE header from the bytes: 'fmt ' and 'data' chunks.</summary>
internal static class WavHeader
{
    private const int Pcm = 1;
    private const int IeeeFloat = 3;
    private const int Extensible = 0xFFFE;

    public static AudioProbeResult Read(Stream stream)
    {
        var fileLength = stream.Length;
        Span<byte> chunk = stackalloc byte[8];
        Span<byte> fmt = stackalloc byte[40];
        stream.Position = 12;
        int? formatTag = null;
        int channels = 0, rate = 0, blockAlign = 0, bits = 0;
        while (true)
        {
            if (stream.Position + 8 > fileLength)
            {
                if (formatTag is null)
                {
                    throw stream.Position == 12 ? DecodeErrors.NoAudio() : DecodeErrors.TruncatedHeader();
                }

                throw DecodeErrors.NoAudio();
            }

            stream.ReadExactly(chunk);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            var dataStart = stream.Position;
            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                if (size < 16 || dataStart + 16 > fileLength)
                {
                    throw DecodeErrors.TruncatedHeader();
                }

                var n = (int)Math.Min(size, (uint)fmt.Length);
                stream.ReadExactly(fmt[..n]);
                formatTag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
                rate = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]));
                blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
                if (formatTag == Extensible && n >= 26)
                {
                    formatTag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
                }
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                if (formatTag is null)
                {
                    throw DecodeErrors.Failed("the data chunk comes before the format chunk");
                }

                return Validate(formatTag.Value, channels, rate, blockAlign, bits, size, fileLength - dataStart);
            }

            stream.Position = dataStart + size + (size & 1);
        }
    }

    private static AudioProbeResult Validate(int tag, int channels, int rate, int blockAlign, int bits, long size, long available)
    {
        HeaderLimits.CheckFormat(rate, channels);
        var isFloat = tag == IeeeFloat;
        if (tag is not (Pcm or IeeeFloat))
        {
            throw DecodeErrors.Encoding(EncodingName(tag));
        }

        if ((tag == Pcm && bits is not (8 or 16 or 24 or 32)) || (isFloat && bits is not (32 or 64)))
        {
            throw DecodeErrors.Absurd($"it claims {bits}-bit samples");
        }

        if (blockAlign != channels * bits / 8)
        {
            throw DecodeErrors.Absurd($"block size {blockAlign} does not match {channels} channels of {bits} bits");
        }

        if (channels > 2)
        {
            throw DecodeErrors.TooManyChannels(channels);
        }

        if (size == 0)
        {
            throw DecodeErrors.NoAudio();
        }

        HeaderLimits.CheckData(size, available, blockAlign, rate);
        return new AudioProbeResult(
            AudioContainer.Wav, rate, channels, bits, isFloat, size / blockAlign, isFloat ? $"{bits}-bit float" : $"{bits}-bit PCM");
    }

    private static string EncodingName(int tag) => tag switch
    {
        2 => "Microsoft ADPCM",
        6 => "A-law",
        7 => "mu-law",
        0x11 => "IMA ADPCM",
        0x55 => "MP3 inside WAV",
        _ => $"WAV format tag 0x{tag:X4}",
    };
}
