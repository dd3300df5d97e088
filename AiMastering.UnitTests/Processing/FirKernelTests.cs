using AiMastering.Engine.Dsp;

namespace AiMastering.UnitTests.Processing;

public sealed class FirKernelTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(45, 145)]
    [InlineData(1000, 12)]
    [InlineData(16384, 289)]
    public void Vectorised_filter_equals_the_direct_sum_at_every_length(int outputs, int tapCount)
    {
        var rng = new Random(outputs + tapCount);
        var x = Enumerable.Range(0, outputs + tapCount - 1).Select(_ => (float)((rng.NextDouble() * 2) - 1)).ToArray();
        var taps = Enumerable.Range(0, tapCount).Select(_ => (float)((rng.NextDouble() * 2) - 1) / tapCount).ToArray();
        var y = new float[outputs];

        FirKernel.Apply(x, taps, y);

        for (var i = 0; i < outputs; i++)
        {
            var sum = 0.0;
            for (var k = 0; k < tapCount; k++)
            {
                sum += taps[k] * (double)x[i + k];
            }

            ((double)y[i]).ShouldBe(sum, 1e-5, $"output {i}");
        }
    }
}
