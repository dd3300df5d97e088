namespace AiMastering.Engine.Decoding;

/// <summary>What the header says: container, rate, channels, sample format and length in frames.</summary>
public sealed record AudioProbeResult(
    AudioContainer Container,
    int SampleRate,
    int Channels,
    int BitsPerSample,
    bool IsFloat,
    long Frames,
    string Encoding)
{
    public double DurationSeconds => SampleRate > 0 ? Frames / (double)SampleRate : 0;
}
