namespace AiMastering.Engine.Dsp;

/// <summary>
/// A window of <see cref="Length"/> frames starting at <see cref="Offset"/> in planar channel
/// arrays (<c>channels[channel][sample]</c>). A value type over existing arrays: creating one
/// allocates nothing.
/// </summary>
public readonly struct AudioBlock
{
    private readonly float[][] channels;

    public AudioBlock(float[][] channels, int offset, int length)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        for (var c = 0; c < channels.Length; c++)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + length, channels[c].Length, nameof(length));
        }

        this.channels = channels;
        Offset = offset;
        Length = length;
    }

    /// <summary>A block over whole arrays (all of the same length).</summary>
    public AudioBlock(float[][] channels)
        : this(channels, 0, channels is { Length: > 0 } ? channels[0].Length : 0)
    {
    }

    public int ChannelCount => channels.Length;

    public int Offset { get; }

    public int Length { get; }

    /// <summary>The samples of one channel in this block, writable in place.</summary>
    public Span<float> this[int channel] => channels[channel].AsSpan(Offset, Length);

    /// <summary>A sub-window of this block.</summary>
    public AudioBlock Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Length, nameof(length));
        return new AudioBlock(channels, Offset + start, length);
    }
}
