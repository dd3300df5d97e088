namespace AiMastering.Engine.Encoding;

/// <summary>One MP3 frame found in a byte stream: where it starts, how long it is, and its header.</summary>
internal readonly record struct Mp3Frame(int Offset, Mp3FrameHeader Header)
{
    public int Length => Header.FrameLength;

    public int End => Offset + Length;
}
