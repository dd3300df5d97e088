using AiMastering.Engine.Dsp;

namespace AiMastering.UnitTests.Processing;

public sealed class InterleavingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(37)]
    [InlineData(8192)]
    public void Interleaving_puts_each_left_sample_before_its_right_sample_times_the_gain(int frames)
    {
        var (left, right) = Channels(frames);
        var interleaved = new float[(2 * frames) + 3];

        Interleaving.Interleave(left, right, 0.5f, interleaved);

        for (var i = 0; i < frames; i++)
        {
            interleaved[2 * i].ShouldBe(left[i] * 0.5f, $"left {i}");
            interleaved[(2 * i) + 1].ShouldBe(right[i] * 0.5f, $"right {i}");
        }

        interleaved[(2 * frames)..].ShouldAllBe(v => v == 0f, "nothing is written past the frames");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(33)]
    [InlineData(8191)]
    public void Deinterleaving_gives_back_the_exact_channels(int frames)
    {
        var (left, right) = Channels(frames);
        var interleaved = new float[2 * frames];
        Interleaving.Interleave(left, right, 1f, interleaved);
        var l = new float[frames];
        var r = new float[frames];

        Interleaving.Deinterleave(interleaved, l, r);

        l.ShouldBe(left);
        r.ShouldBe(right);
    }

    [Fact]
    public void Too_short_a_destination_is_refused()
    {
        Should.Throw<ArgumentException>(() => Interleaving.Interleave(new float[4], new float[4], 1f, new float[7]));
        Should.Throw<ArgumentException>(() => Interleaving.Deinterleave(new float[7], new float[4], new float[4]));
    }

    // Distinct values everywhere (including negative, subnormal and > 1 samples) so a swapped or shifted lane shows.
    private static (float[] Left, float[] Right) Channels(int frames)
    {
        var rng = new Random(frames);
        var left = Enumerable.Range(0, frames).Select(i => i % 11 == 5 ? 1e-40f : (float)((rng.NextDouble() * 4) - 2)).ToArray();
        var right = Enumerable.Range(0, frames).Select(_ => (float)((rng.NextDouble() * 4) - 2)).ToArray();
        return (left, right);
    }
}
