namespace AiMastering.Engine;

/// <summary>An <see cref="AudioBuffer"/> seen as a random-access source and sink.</summary>
internal sealed class BufferAudio(AudioBuffer audio) : IPlanarSource, IPlanarSink
{
    public AudioBuffer Audio => audio;

    public int SampleRate => audio.SampleRate;

    public int ChannelCount => audio.ChannelCount;

    public long Length => audio.Length;

    public void Read(int channel, long start, Span<float> destination)
    {
        destination.Clear();
        var from = Math.Max(0, start);
        var to = Math.Min(audio.Length, start + destination.Length);
        if (to > from)
        {
            audio.Channels[channel].AsSpan((int)from, (int)(to - from)).CopyTo(destination[(int)(from - start)..]);
        }
    }

    public void Write(int channel, long start, ReadOnlySpan<float> source) =>
        source.CopyTo(audio.Channels[channel].AsSpan(checked((int)start)));
}
