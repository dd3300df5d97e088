namespace AiMastering.Engine.Encoding;

/// <summary>
/// Splits an MP3 byte stream into frames by parsing every header (frame sizes vary with the padding bit, so
/// none is assumed). An ID3v2 tag at the start and an ID3v1 tag at the end are skipped; anything else that is
/// not a frame of the same rate and channel count is an error.
/// </summary>
internal static class Mp3FrameReader
{
    private const int Id3v2HeaderLength = 10;
    private const int Id3v1Length = 128;

    /// <summary>Length of the ID3v2 tag at the start of <paramref name="data"/> (0 when there is none).</summary>
    public static int Id3v2Length(ReadOnlySpan<byte> data)
    {
        if (data.Length < Id3v2HeaderLength || data[0] != 'I' || data[1] != 'D' || data[2] != '3')
        {
            return 0;
        }

        // Size: four 7-bit bytes ("syncsafe"), excluding the header; plus a 10-byte footer when flag 0x10 is set.
        var size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9];
        var footer = (data[5] & 0x10) != 0 ? Id3v2HeaderLength : 0;
        return Id3v2HeaderLength + size + footer;
    }

    public static List<Mp3Frame> Read(ReadOnlySpan<byte> data, string what)
    {
        var frames = new List<Mp3Frame>((data.Length / 1000) + 1);
        var at = Id3v2Length(data);
        Mp3FrameHeader? first = null;
        while (at < data.Length)
        {
            if (!Mp3FrameHeader.TryParse(data[at..], out var header))
            {
                if (data.Length - at == Id3v1Length && data[at] == 'T' && data[at + 1] == 'A' && data[at + 2] == 'G')
                {
                    break;
                }

                throw new InvalidDataException($"{what}: no MPEG-1 Layer III frame at byte {at} of {data.Length}.");
            }

            if (first is { } f && (header.SampleRate != f.SampleRate || header.Mono != f.Mono))
            {
                throw new InvalidDataException($"{what}: the frame at byte {at} changes the sample rate or channel count.");
            }

            if (at + header.FrameLength > data.Length)
            {
                throw new InvalidDataException($"{what}: the last frame (byte {at}) is cut short.");
            }

            first ??= header;
            frames.Add(new Mp3Frame(at, header));
            at += header.FrameLength;
        }

        return frames;
    }
}
