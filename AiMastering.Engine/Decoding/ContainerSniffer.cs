namespace AiMastering.Engine.Decoding;

/// <summary>Recognizes the container from magic numbers in the first bytes.</summary>
internal static class ContainerSniffer
{
    public static AudioContainer Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && Is(head, 0, "RIFF"u8) && Is(head, 8, "WAVE"u8))
        {
            return AudioContainer.Wav;
        }

        if (head.Length >= 12 && Is(head, 0, "FORM"u8) && (Is(head, 8, "AIFF"u8) || Is(head, 8, "AIFC"u8)))
        {
            return AudioContainer.Aiff;
        }

        if (head.Length >= 4 && Is(head, 0, "fLaC"u8))
        {
            return AudioContainer.Flac;
        }

        if (head.Length >= 4 && Is(head, 0, "OggS"u8))
        {
            return AudioContainer.Ogg;
        }

        if (head.Length >= 12 && Is(head, 4, "ftyp"u8))
        {
            return AudioContainer.Mp4;
        }

        if (head.Length >= 10 && Is(head, 0, "ID3"u8))
        {
            // ID3v2 tag (synchsafe size), then the real stream: FLAC files sometimes carry one too.
            var size = ((head[6] & 0x7F) << 21) | ((head[7] & 0x7F) << 14) | ((head[8] & 0x7F) << 7) | (head[9] & 0x7F);
            var after = 10 + size;
            return head.Length >= after + 4 && Is(head, after, "fLaC"u8) ? AudioContainer.Flac : AudioContainer.Mp3;
        }

        if (head.Length >= 4 && IsMpegFrame(head) && (head.Length < 1024 || IsMpegFrame(head[FrameLength(head)..])))
        {
            return AudioContainer.Mp3;
        }

        return AudioContainer.Unknown;
    }

    public static AudioContainer FromExtension(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".WAV" or ".WAVE" or ".BWF" => AudioContainer.Wav,
        ".AIF" or ".AIFF" or ".AIFC" => AudioContainer.Aiff,
        ".FLAC" => AudioContainer.Flac,
        ".MP3" => AudioContainer.Mp3,
        ".OGG" or ".OGA" or ".OPUS" => AudioContainer.Ogg,
        ".M4A" or ".MP4" or ".AAC" => AudioContainer.Mp4,
        _ => AudioContainer.Unknown,
    };

    private static bool Is(ReadOnlySpan<byte> data, int offset, ReadOnlySpan<byte> magic) =>
        data.Length >= offset + magic.Length && data.Slice(offset, magic.Length).SequenceEqual(magic);

    // MPEG audio frame header: 11 sync bits, a valid version/layer, bitrate index not 0/15, rate index not 3.
    private static bool IsMpegFrame(ReadOnlySpan<byte> h) =>
        h.Length >= 4 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0 && ((h[1] >> 3) & 3) != 1 && ((h[1] >> 1) & 3) != 0 &&
        (h[2] >> 4) is not (0 or 15) && ((h[2] >> 2) & 3) != 3;

    private static int FrameLength(ReadOnlySpan<byte> h)
    {
        int[] bitratesV1L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
        int[] rates = [44100, 48000, 32000];
        var bitrate = bitratesV1L3[h[2] >> 4] * 1000;
        var rate = rates[(h[2] >> 2) & 3];
        var length = (144 * bitrate / rate) + ((h[2] >> 1) & 1);
        return Math.Clamp(length, 4, h.Length);
    }
}
