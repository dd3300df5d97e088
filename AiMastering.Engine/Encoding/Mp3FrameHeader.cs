using System.Buffers.Binary;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// The 4-byte header of an MPEG-1 Layer III frame (ISO/IEC 11172-3 §2.4.1.3). Only what the preview needs:
/// frame length in bytes (it varies with the padding bit, e.g. 1044 or 1045 bytes at 320 kbps and 44.1 kHz),
/// where the side information ends, and <c>main_data_begin</c> (0 = the frame holds all its own audio data).
/// </summary>
internal readonly record struct Mp3FrameHeader(int BitrateKbps, int SampleRate, bool Padding, bool Mono, bool CrcProtected)
{
    public const int Length = 4;

    /// <summary>Samples per channel in one MPEG-1 Layer III frame (two granules of 576).</summary>
    public const int SamplesPerFrame = 1152;

    private static readonly int[] BitratesKbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
    private static readonly int[] SampleRates = [44100, 48000, 32000];

    /// <summary>Whole frame in bytes: 144 × bitrate / rate, plus one byte when the padding bit is set.</summary>
    public int FrameLength => (144 * BitrateKbps * 1000 / SampleRate) + (Padding ? 1 : 0);

    /// <summary>Header, optional CRC and side information: where a Xing/Info tag starts in the first frame.</summary>
    public int SideInfoEnd => Length + (CrcProtected ? 2 : 0) + (Mono ? 17 : 32);

    public int Channels => Mono ? 1 : 2;

    /// <summary>Parses an MPEG-1 Layer III header with a real bitrate (no "free format"); false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out Mp3FrameHeader header)
    {
        header = default;
        if (bytes.Length < Length)
        {
            return false;
        }

        var h = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        var sync = h >> 21;
        var version = (h >> 19) & 3;   // 3 = MPEG-1
        var layer = (h >> 17) & 3;     // 1 = Layer III
        var bitrateIndex = (int)((h >> 12) & 15);
        var rateIndex = (int)((h >> 10) & 3);
        if (sync != 0x7FF || version != 3 || layer != 1 || bitrateIndex is 0 or 15 || rateIndex == 3)
        {
            return false;
        }

        header = new Mp3FrameHeader(
            BitratesKbps[bitrateIndex],
            SampleRates[rateIndex],
            Padding: ((h >> 9) & 1) == 1,
            Mono: ((h >> 6) & 3) == 3,
            CrcProtected: ((h >> 16) & 1) == 0);
        return true;
    }

    /// <summary>
    /// <c>main_data_begin</c> of a frame: how many bytes of this frame's audio data sit in earlier frames
    /// (the bit reservoir). A frame that can start a stream on its own has 0.
    /// </summary>
    public int MainDataBegin(ReadOnlySpan<byte> frame)
    {
        var at = Length + (CrcProtected ? 2 : 0);
        return (frame[at] << 1) | (frame[at + 1] >> 7);
    }
}
