using System.Buffers.Binary;

namespace AiMastering.Engine.Encoding;

/// <summary>
/// The Xing "Info" header and LAME extension in the first frame of a CBR MP3, laid out as ffmpeg's mp3 muxer
/// writes it (all four Xing fields present, flags 0x0F). Offsets are from the "Info" identifier, which follows
/// the side information. Gapless decoders (ffmpeg, browsers) read the frame count and the encoder delay and
/// padding: they drop <c>delay + 529</c> samples at the start and stop <c>padding</c> samples before the end.
/// <code>
///   +0 "Info"/"Xing"  +4 flags   +8 frames   +12 bytes (Info frame + audio)   +16 TOC (100 bytes)
/// +116 VBR scale    +120 encoder version (9)   +131 peak   +135/+137 ReplayGain   +139 flags, +140 bitrate
/// +141 delay (12 bits) | padding (12 bits)     +148 music length   +152 music CRC   +154 tag CRC
/// </code>
/// The tag CRC covers the first 190 bytes of the frame, computed with the CRC field itself zero.
/// </summary>
internal static class LameInfoTag
{
    public const int MaxPadding = (1 << 12) - 1;

    private const int FlagsAllFields = 0x0F;
    private const int FlagsOffset = 4;
    private const int FramesOffset = 8;
    private const int BytesOffset = 12;
    private const int TocOffset = 16;
    private const int TocLength = 100;
    private const int DelayPaddingOffset = 141;
    private const int MusicLengthOffset = 148;
    private const int MusicCrcOffset = 152;
    private const int TagCrcOffset = 154;
    private const int TagLength = 156;
    private const int TagCrcCoverage = 190;

    public static bool IsPresent(ReadOnlySpan<byte> frame, Mp3FrameHeader header)
    {
        var at = header.SideInfoEnd;
        return frame.Length >= at + 4 && (frame.Slice(at, 4).SequenceEqual("Info"u8) || frame.Slice(at, 4).SequenceEqual("Xing"u8));
    }

    public static int FrameCount(ReadOnlySpan<byte> frame, Mp3FrameHeader header) =>
        (int)BinaryPrimitives.ReadUInt32BigEndian(Tag(frame, header)[FramesOffset..]);

    /// <summary>Encoder delay in samples as stored (LAME: 576; decoders add their own 529).</summary>
    public static int EncoderDelay(ReadOnlySpan<byte> frame, Mp3FrameHeader header) => DelayAndPadding(Tag(frame, header)) >> 12;

    public static int Padding(ReadOnlySpan<byte> frame, Mp3FrameHeader header) => DelayAndPadding(Tag(frame, header)) & MaxPadding;

    /// <summary>
    /// Rewrites the fields that depend on the audio frames that follow the tag frame: frame count, byte count,
    /// seek table, end padding, music length and CRC, and the tag CRC. The encoder delay is kept.
    /// </summary>
    /// <param name="audio">The audio frames after the tag frame, concatenated.</param>
    /// <param name="frames">Their positions in <paramref name="audio"/>.</param>
    /// <param name="paddingSamples">Samples of the last frames to drop at the end (total × 1152 − delay − length).</param>
    public static void Patch(Span<byte> frame, Mp3FrameHeader header, ReadOnlySpan<byte> audio, IReadOnlyList<Mp3Frame> frames, int paddingSamples)
    {
        var tag = Tag(frame, header);
        if (BinaryPrimitives.ReadUInt32BigEndian(tag[FlagsOffset..]) != FlagsAllFields)
        {
            throw new InvalidDataException("The Xing/Info tag does not hold all four fields (frames, bytes, TOC, quality); its layout is unknown.");
        }

        if (paddingSamples is < 0 or > MaxPadding)
        {
            throw new ArgumentOutOfRangeException(nameof(paddingSamples), paddingSamples, "The LAME tag holds 0 to 4095 samples of padding.");
        }

        var streamBytes = (long)frame.Length + audio.Length;
        if (streamBytes > uint.MaxValue)
        {
            throw new ArgumentException("The MP3 stream is too long for a Xing header (4 GiB).", nameof(audio));
        }

        BinaryPrimitives.WriteUInt32BigEndian(tag[FramesOffset..], (uint)frames.Count);
        BinaryPrimitives.WriteUInt32BigEndian(tag[BytesOffset..], (uint)streamBytes);
        WriteSeekTable(tag.Slice(TocOffset, TocLength), frame.Length, frames, streamBytes);
        var delay = DelayAndPadding(tag) >> 12;
        var delayPadding = (delay << 12) | paddingSamples;
        tag[DelayPaddingOffset] = (byte)(delayPadding >> 16);
        tag[DelayPaddingOffset + 1] = (byte)(delayPadding >> 8);
        tag[DelayPaddingOffset + 2] = (byte)delayPadding;
        BinaryPrimitives.WriteUInt32BigEndian(tag[MusicLengthOffset..], (uint)streamBytes);
        BinaryPrimitives.WriteUInt16BigEndian(tag[MusicCrcOffset..], Crc16.Update(0, audio));
        BinaryPrimitives.WriteUInt16BigEndian(tag[TagCrcOffset..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(tag[TagCrcOffset..], Crc16.Update(0, frame[..TagCrcCoverage]));
    }

    /// <summary>Xing seek table: entry i = 256 × (byte position of the frame at i % of the duration) / stream bytes.</summary>
    private static void WriteSeekTable(Span<byte> toc, int tagFrameLength, IReadOnlyList<Mp3Frame> frames, long streamBytes)
    {
        for (var i = 0; i < toc.Length; i++)
        {
            var index = (int)((long)i * frames.Count / toc.Length);
            long position = index < frames.Count ? tagFrameLength + frames[index].Offset : streamBytes;
            toc[i] = (byte)Math.Min(255, 256 * position / streamBytes);
        }
    }

    private static int DelayAndPadding(ReadOnlySpan<byte> tag) =>
        (tag[DelayPaddingOffset] << 16) | (tag[DelayPaddingOffset + 1] << 8) | tag[DelayPaddingOffset + 2];

    private static Span<byte> Tag(Span<byte> frame, Mp3FrameHeader header)
    {
        CheckLayout(frame, header);
        return frame[header.SideInfoEnd..];
    }

    private static ReadOnlySpan<byte> Tag(ReadOnlySpan<byte> frame, Mp3FrameHeader header)
    {
        CheckLayout(frame, header);
        return frame[header.SideInfoEnd..];
    }

    private static void CheckLayout(ReadOnlySpan<byte> frame, Mp3FrameHeader header)
    {
        if (!IsPresent(frame, header) || frame.Length < header.SideInfoEnd + TagLength || frame.Length < TagCrcCoverage)
        {
            throw new InvalidDataException("The first frame holds no Xing/Info + LAME tag.");
        }
    }
}
