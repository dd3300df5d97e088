using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Processing;

/// <summary>
/// One stage of the mastering chain. A processor is built for a fixed sample rate and channel
/// count, allocates all of its state in its constructor, and then processes planar blocks in
/// place without allocating. Blocks may have any length (including 0); a processor fed the same
/// signal in blocks of any sizes produces exactly the same output as in one pass.
/// </summary>
/// <remarks>
/// Processors that delay the signal (look-ahead) report it in <see cref="LatencySamples"/>;
/// <see cref="ProcessorChain"/> compensates the sum so the master lines up with the input.
/// Stereo-aware processors (width, linked compressors, limiter) see all channels of a block at once.
/// </remarks>
public interface IAudioProcessor
{
    /// <summary>Sample rate in Hz the processor was configured for.</summary>
    int SampleRate { get; }

    /// <summary>Number of channels in every block passed to <see cref="Process"/>.</summary>
    int ChannelCount { get; }

    /// <summary>Delay, in samples, between an input sample and the corresponding output sample.</summary>
    int LatencySamples { get; }

    /// <summary>Clears all state (filters, envelopes, delay lines, meters) as if newly built.</summary>
    void Reset();

    /// <summary>Processes one planar block in place.</summary>
    void Process(AudioBlock block);
}
