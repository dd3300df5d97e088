using AiMastering.Engine.Processing;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// Renders a chain built from processor factories over a whole buffer, latency-compensated
/// (see <see cref="ProcessorChain"/>). Returns the processor instances so callers can read their meters.
/// </summary>
internal static class ChainRenderer
{
    public static IReadOnlyList<IReadOnlyList<IAudioProcessor>> Render(
        IReadOnlyList<Func<int, int, IAudioProcessor>> factories, AudioBuffer input, AudioBuffer output)
    {
        var processors = factories.Select(f => f(input.SampleRate, input.ChannelCount)).ToArray();
        new ProcessorChain(input.SampleRate, input.ChannelCount, processors).Render(input, output);
        return [processors];
    }
}
