namespace AiMastering.Engine;

/// <summary>Planar float audio that can be read anywhere: a decoded buffer, a spill file, a written WAV file.</summary>
internal interface IPlanarSource
{
    int SampleRate { get; }

    int ChannelCount { get; }

    long Length { get; }

    /// <summary>Copies samples [start, start + destination.Length) of one channel; zeros outside [0, Length).</summary>
    void Read(int channel, long start, Span<float> destination);
}
