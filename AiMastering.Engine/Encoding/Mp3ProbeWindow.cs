namespace AiMastering.Engine.Encoding;

/// <summary>
/// One stretch of the master that <see cref="Mp3CodingProbe"/> encodes, in frames of the preview (1152 preview samples,
/// on the full preview's frame grid): frames [<see cref="FedFrom"/>, <see cref="FedUntil"/>) are encoded, the decoded
/// samples of frames [<see cref="MeasureFrom"/>, <see cref="MeasureUntil"/>) are measured (the frames around them let
/// the encoder and the decoder settle).
/// </summary>
internal sealed record Mp3ProbeWindow(int FedFrom, int MeasureFrom, int MeasureUntil, int FedUntil)
{
    public int FedFrames => FedUntil - FedFrom;
}
