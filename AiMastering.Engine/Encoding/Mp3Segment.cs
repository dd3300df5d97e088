namespace AiMastering.Engine.Encoding;

/// <summary>
/// One part of the preview, encoded by its own LAME process. It is fed master samples
/// [<see cref="InputStart"/>, <see cref="InputEnd"/>), which puts its first frame at frame
/// <see cref="FirstFrame"/> of the whole stream; frames [<see cref="KeepFrom"/>, <see cref="KeepUntil"/>)
/// of the whole stream are taken from it (to the end for the last segment).
/// </summary>
internal sealed record Mp3Segment(int Index, int InputStart, int InputEnd, int FirstFrame, int KeepFrom, int? KeepUntil)
{
    /// <summary>Frames of this segment's own output that come before the kept ones (encoder warm-up).</summary>
    public int WarmUpFrames => KeepFrom - FirstFrame;
}
