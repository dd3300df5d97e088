using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>Shared argument checks for processor constructors and blocks.</summary>
internal static class ProcessorGuard
{
    public static void Format(int sampleRate, int channelCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        ArgumentOutOfRangeException.ThrowIfLessThan(channelCount, 1);
    }

    public static void Block(in AudioBlock block, int channelCount)
    {
        if (block.ChannelCount != channelCount)
        {
            throw new ArgumentException($"Block has {block.ChannelCount} channels, processor expects {channelCount}.", nameof(block));
        }
    }
}
