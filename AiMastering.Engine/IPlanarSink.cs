namespace AiMastering.Engine;

/// <summary>Planar float audio that can be written anywhere inside its length: a buffer or a spill file.</summary>
internal interface IPlanarSink
{
    int ChannelCount { get; }

    long Length { get; }

    /// <summary>Stores <paramref name="source"/> as samples [start, start + source.Length) of one channel.</summary>
    void Write(int channel, long start, ReadOnlySpan<float> source);
}
