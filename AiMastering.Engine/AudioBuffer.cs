namespace AiMastering.Engine;

/// <summary>
/// Decoded audio, planar 32-bit float: <c>Channels[channel][sample]</c>, full scale = ±1.0.
/// Every channel has exactly <see cref="Length"/> samples.
/// </summary>
public sealed class AudioBuffer
{
    public AudioBuffer(int sampleRate, float[][] channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Length == 0)
        {
            throw new ArgumentException("At least one channel is required.", nameof(channels));
        }

        var length = channels[0].Length;
        if (channels.Any(c => c.Length != length))
        {
            throw new ArgumentException("All channels must have the same length.", nameof(channels));
        }

        SampleRate = sampleRate;
        Channels = channels;
    }

    public int SampleRate { get; }

    public float[][] Channels { get; }

    public int ChannelCount => Channels.Length;

    public int Length => Channels[0].Length;

    public double DurationSeconds => (double)Length / SampleRate;

    public static AudioBuffer Silent(int sampleRate, int channelCount, int length) =>
        new(sampleRate, Enumerable.Range(0, channelCount).Select(_ => new float[length]).ToArray());
}
