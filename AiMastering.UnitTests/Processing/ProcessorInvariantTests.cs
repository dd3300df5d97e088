using AiMastering.Engine;
using AiMastering.Engine.Dsp;
using AiMastering.Engine.Processing;
using AiMastering.Testing;

namespace AiMastering.UnitTests.Processing;

public sealed class ProcessorInvariantTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in ProcessorCatalog.Names)
        {
            foreach (var rate in new[] { 44100, 48000, 96000 })
            {
                data.Add(name, rate);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Block_processing_equals_one_pass_processing(string name, int rate)
    {
        var input = Music(rate, rate / 2);
        var onePass = Signals.Copy(input);
        ProcessorCatalog.Create(name, rate, 2).Process(new AudioBlock(onePass.Channels));

        var blocks = Signals.Copy(input);
        var processor = ProcessorCatalog.Create(name, rate, 2);
        var random = new Random(rate);
        for (var start = 0; start < input.Length;)
        {
            var n = Math.Min(random.Next(0, 3000), input.Length - start);
            processor.Process(new AudioBlock(blocks.Channels, start, n));
            start += n;
        }

        for (var c = 0; c < 2; c++)
        {
            for (var i = 0; i < input.Length; i++)
            {
                var a = onePass.Channels[c][i];
                float.IsFinite(a).ShouldBeTrue();
                blocks.Channels[c][i].ShouldBe(a, 1e-5f, $"{name} channel {c} sample {i}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Process_allocates_nothing(string name, int rate)
    {
        var processor = ProcessorCatalog.Create(name, rate, 2);
        var audio = Music(rate, 8192);
        processor.Process(new AudioBlock(audio.Channels, 0, 4096)); // warm up (JIT, tiering)
        var before = GC.GetAllocatedBytesForCurrentThread();
        processor.Process(new AudioBlock(audio.Channels, 4096, 4096));
        processor.Process(new AudioBlock(audio.Channels, 0, 100));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.ShouldBe(0L, name);
    }

    [Fact]
    public void The_full_chain_is_deterministic_and_keeps_length_and_alignment()
    {
        const int rate = 48000;
        var input = Music(rate, (rate * 3 / 2) + 17);
        var chain = ProcessorCatalog.FullChain(rate);
        var first = chain.Render(input);
        var second = chain.Render(input);
        first.Length.ShouldBe(input.Length);
        first.SampleRate.ShouldBe(rate);
        for (var c = 0; c < 2; c++)
        {
            first.Channels[c].ShouldBe(second.Channels[c]);
        }

    }

    [Fact]
    public void A_chain_with_look_ahead_lines_up_with_its_input_at_lag_0()
    {
        const int rate = 48000;
        var input = Music(rate, rate);
        string[] linearPhase = ["gain", "glue", "expander", "limiter", "dither"];
        var chain = new ProcessorChain(rate, 2, [.. linearPhase.Select(n => ProcessorCatalog.Create(n, rate, 2))]);
        chain.LatencySamples.ShouldBeGreaterThan(0);
        var master = chain.Render(input);
        CrossCorrelation.PeakLag(input.Channels[0], master.Channels[0], 300).ShouldBe(0);
        CrossCorrelation.PeakLag(input.Channels[1], master.Channels[1], 300).ShouldBe(0);
    }

    [Fact]
    public void Rendering_in_place_equals_rendering_to_a_new_buffer()
    {
        const int rate = 44100;
        var input = Music(rate, rate);
        var chain = ProcessorCatalog.FullChain(rate);
        var rendered = chain.Render(input);
        var inPlace = Signals.Copy(input);
        chain.RenderInPlace(inPlace);
        inPlace.Channels[0].ShouldBe(rendered.Channels[0]);
        inPlace.Channels[1].ShouldBe(rendered.Channels[1]);
    }

    /// <summary>Music-like test signal: bass, chords, noise hats with a beat envelope, some stereo.</summary>
    internal static AudioBuffer Music(int rate, int length)
    {
        var random = new Random(42);
        var left = new float[length];
        var right = new float[length];
        for (var n = 0; n < length; n++)
        {
            var t = (double)n / rate;
            var beat = Math.Exp(-8 * (t % 0.5));
            var bass = 0.4 * beat * Math.Sin(2 * Math.PI * 55 * t);
            var chord = 0.15 * (Math.Sin(2 * Math.PI * 440 * t) + Math.Sin(2 * Math.PI * 554.4 * t) + Math.Sin(2 * Math.PI * 659.3 * t));
            var hat = 0.2 * Math.Exp(-40 * (t % 0.25)) * ((random.NextDouble() * 2) - 1);
            left[n] = (float)(bass + chord + hat);
            right[n] = (float)(bass + (0.8 * chord) - (0.5 * hat));
        }

        return new AudioBuffer(rate, [left, right]);
    }
}
