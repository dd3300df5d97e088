using AiMastering.Engine;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Dsp;
using AiMastering.Engine.Matching;
using AiMastering.Engine.Processing;
using AiMastering.Testing;

namespace AiMastering.UnitTests.Matching;

public sealed class MatchEqualizerTests
{
    private static readonly SpectrumPoint[] Tilt = [new(20, -3), new(1000, 0), new(20000, 6)];

    [Fact]
    public void Flat_curve_is_an_exact_pass_through_without_latency()
    {
        var input = MatchSignals.Noise(44100, 2);
        var eq = new MatchEqualizer(44100, 2, new MatchEqualizerSettings([new(20, 0), new(20000, 0)], [new(20, 0), new(20000, 0)]));
        eq.IsPassThrough.ShouldBeTrue();
        eq.LatencySamples.ShouldBe(0);
        var output = new ProcessorChain(44100, 2, [eq]).Render(input);
        output.Channels[0].ShouldBe(input.Channels[0]);
        output.Channels[1].ShouldBe(input.Channels[1]);
    }

    [Theory]
    [InlineData(44100, 100)]
    [InlineData(44100, 1000)]
    [InlineData(48000, 8000)]
    [InlineData(96000, 15000)]
    public void Sines_get_the_curve_gain_and_stay_aligned(int sampleRate, double hz)
    {
        var length = sampleRate * 2;
        var sine = Enumerable.Range(0, length).Select(i => (float)(0.25 * Math.Sin(2 * Math.PI * hz * i / sampleRate))).ToArray();
        var input = new AudioBuffer(sampleRate, [sine, (float[])sine.Clone()]);
        var chain = new ProcessorChain(sampleRate, 2, [new MatchEqualizer(sampleRate, 2, new MatchEqualizerSettings(Tilt))]);
        var output = chain.Render(input);

        // Away from the edges (the FIR's length), gain = curve; linear phase + latency compensation = no shift.
        var from = sampleRate / 2;
        var to = length - (sampleRate / 2);
        var gain = Math.Pow(10, Curve.At(Tilt, hz) / 20);
        for (var i = from; i < to; i += 97)
        {
            output.Channels[0][i].ShouldBe((float)(gain * sine[i]), 0.01 * gain * 0.25);
        }
    }

    [Theory]
    [InlineData(1, 64)]
    [InlineData(2, 64)]
    [InlineData(2, 256)]
    [InlineData(2, 1024)]
    public void Output_equals_direct_convolution_with_the_designed_filters(int channels, int partition)
    {
        const int rate = 44100;
        const int taps = 511;
        var input = MatchSignals.Noise(rate, 0.5, channels: channels);
        var side = new SpectrumPoint[] { new(20, 4), new(3000, -2), new(20000, -6) };
        var eq = new MatchEqualizer(rate, channels, new MatchEqualizerSettings(Tilt, side, taps, partition));
        var output = new ProcessorChain(rate, channels, [eq]).Render(input);

        // Stereo: mid and side filtered by their own linear-phase FIRs; mono: the mid FIR on the channel.
        var hMid = FirDesigner.LinearPhase(Tilt, rate, taps);
        var hSide = FirDesigner.LinearPhase(side, rate, taps);
        var center = (taps - 1) / 2;
        double Convolve(float[] h, Func<int, double> x, int n)
        {
            var sum = 0.0;
            for (var m = 0; m < h.Length; m++)
            {
                var i = n + center - m;
                sum += i >= 0 && i < input.Length ? h[m] * x(i) : 0;
            }

            return sum;
        }

        var worst = 0.0;
        for (var n = 0; n < input.Length; n += 37)
        {
            double[] expected = channels == 2
                ? [Convolve(hMid, i => (input.Channels[0][i] + input.Channels[1][i]) / 2.0, n) + Convolve(hSide, i => (input.Channels[0][i] - input.Channels[1][i]) / 2.0, n),
                   Convolve(hMid, i => (input.Channels[0][i] + input.Channels[1][i]) / 2.0, n) - Convolve(hSide, i => (input.Channels[0][i] - input.Channels[1][i]) / 2.0, n)]
                : [Convolve(hMid, i => input.Channels[0][i], n)];
            for (var c = 0; c < channels; c++)
            {
                worst = Math.Max(worst, Math.Abs(output.Channels[c][n] - expected[c]));
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"largest difference {worst:g3}");
        worst.ShouldBeLessThan(1e-5); // float rounding on signals of about 0.1
    }

    [Fact]
    public void Side_curve_changes_only_the_side()
    {
        var input = MatchSignals.Noise(48000, 2, correlation: 0.5);
        var side = new SpectrumPoint[] { new(20, 6), new(20000, 6) };
        var eq = new MatchEqualizer(48000, 2, new MatchEqualizerSettings([new(20, 0), new(20000, 0)], side));
        var output = new ProcessorChain(48000, 2, [eq]).Render(input);
        var factor = Math.Pow(10, 6 / 20.0);
        for (var i = 10000; i < 86000; i += 101)
        {
            var mid = (input.Channels[0][i] + input.Channels[1][i]) / 2;
            var s = (input.Channels[0][i] - input.Channels[1][i]) / 2;
            ((output.Channels[0][i] + output.Channels[1][i]) / 2).ShouldBe(mid, 1e-4);
            ((output.Channels[0][i] - output.Channels[1][i]) / 2).ShouldBe((float)(s * factor), 1e-3);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Block_sizes_do_not_change_the_output_and_processing_does_not_allocate(int channels)
    {
        var input = MatchSignals.Noise(44100, 1, channels: channels);
        var settings = new MatchEqualizerSettings(Tilt, [new(20, -6), new(20000, 3)], Taps: 2047, PartitionFrames: 256);
        var once = new ProcessorChain(44100, channels, [new MatchEqualizer(44100, channels, settings)], blockFrames: input.Length).Render(input);

        var eq = new MatchEqualizer(44100, channels, settings);
        var sizes = new[] { 1, 7, 300, 1024, 4096, 13 };
        long ProcessInPieces(float[][] audio)
        {
            eq.Reset();
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (int start = 0, k = 0; start < input.Length; k++)
            {
                var n = Math.Min(sizes[k % sizes.Length], input.Length - start);
                eq.Process(new AudioBlock(audio, start, n));
                start += n;
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // Allocation in steady state: the least of three passes on scratch audio (the runtime's one-off work — tiered
        // JIT starting its background worker — can land in any one pass; an allocation per call would show in all).
        Enumerable.Range(0, 3).Min(_ => ProcessInPieces([.. input.Channels.Select(c => (float[])c.Clone())])).ShouldBe(0);
        var pieces = input.Channels.Select(c => (float[])c.Clone()).ToArray();
        ProcessInPieces(pieces);
        var latency = eq.LatencySamples;
        for (var c = 0; c < channels; c++)
        {
            for (var i = 0; i < input.Length - latency; i += 11)
            {
                pieces[c][i + latency].ShouldBe(once.Channels[c][i], 1e-5f);
            }
        }
    }
}
