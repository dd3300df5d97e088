using AiMastering.Engine;
using AiMastering.Engine.Mastering;
using AiMastering.Engine.Processing;
using AiMastering.Testing;

namespace AiMastering.UnitTests.Mastering;

public sealed class ChainRendererTests
{
    private static readonly Func<int, int, IAudioProcessor>[] Factories =
    [
        (r, c) => DynamicsProcessor.Compressor(r, c, new CompressorSettings(ThresholdDb: -20, Ratio: 2, ReleaseMs: 300)),
        (r, c) => new GainProcessor(r, c, new GainSettings(9)),
        (r, c) => new TruePeakLimiter(r, c, new TruePeakLimiterSettings(CeilingDbtp: -1)),
    ];

    [Fact]
    public void Parallel_segments_match_a_single_pass_and_can_run_in_place()
    {
        var mix = TestAudioFiles.Music(44100, 40);
        var single = AudioBuffer.Silent(mix.SampleRate, 2, mix.Length);
        new ProcessorChain(mix.SampleRate, 2, Factories.Select(f => f(mix.SampleRate, 2))).Render(mix, single);
        var segmented = AudioBuffer.Silent(mix.SampleRate, 2, mix.Length);

        var instances = ChainRenderer.Render(Factories, mix, segmented);

        instances.Count.ShouldBeGreaterThan(1);
        for (var c = 0; c < 2; c++)
        {
            var worst = single.Channels[c].Zip(segmented.Channels[c], (a, b) => Math.Abs(a - b)).Max();
            worst.ShouldBeLessThan(1e-3f, $"channel {c}");
        }

        ChainRenderer.Render(Factories, mix, mix);
        for (var c = 0; c < 2; c++)
        {
            mix.Channels[c].AsSpan().SequenceEqual(segmented.Channels[c]).ShouldBeTrue("in place equals out of place");
        }
    }
}
