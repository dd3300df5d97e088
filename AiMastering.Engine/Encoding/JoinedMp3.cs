namespace AiMastering.Engine.Encoding;

/// <summary>
/// The preview's audio frames as written after its tag frame (<see cref="Audio"/>, frame positions in
/// <see cref="Frames"/>), with what a decoder needs to trim it to the master: the encoder delay and the length.
/// </summary>
internal sealed record JoinedMp3(byte[] Audio, IReadOnlyList<Mp3Frame> Frames, int SampleRate, int Channels, int EncoderDelay, long Samples)
{
    /// <summary>Where sample 0 of the preview is in a raw decode of <see cref="Audio"/> (encoder + decoder delay).</summary>
    public int RawOffset => EncoderDelay + Mp3SegmentPlan.DecoderDelay;
}
