using AiMastering.Engine.Dsp;
using AiMastering.Engine.Processing;

namespace AiMastering.UnitTests.Processing;

public sealed class CrossoverTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    [InlineData(96000)]
    public void Idle_multiband_bands_sum_flat_within_0_1_dB(int rate)
    {
        // Ratio 1: every band passes unchanged, so the output is the crossover sum alone.
        var multiband = new MultibandCompressor(rate, 1, ProcessorCatalog.MultibandSettings(ratio: 1, thresholdDb: 0));
        var worst = ImpulseResponseDeviationDb(multiband, rate);
        output.WriteLine($"{rate} Hz: worst deviation {worst:F4} dB");
        worst.ShouldBeLessThan(0.1);
    }

    [Fact]
    public void Linkwitz_Riley_split_sums_to_its_all_pass()
    {
        const int rate = 48000;
        var split = new LinkwitzRileySplit(rate, 1, 1000);
        var x = Signals.WhiteNoise(0.3, 4096, 9);
        var low = new float[x.Length];
        var high = new float[x.Length];
        split.Split(0, x, low, high);
        var allPassed = (float[])x.Clone();
        default(BiquadState).Process(split.AllPass, allPassed, allPassed);
        for (var i = 0; i < x.Length; i++)
        {
            (low[i] + high[i]).ShouldBe(allPassed[i], 1e-5f);
        }
    }

    [Fact]
    public void Bands_are_separated_by_the_crossovers()
    {
        const int rate = 48000;
        var split = new LinkwitzRileySplit(rate, 1, 1000);
        var x = Signals.Sine(rate, 4000, 1, rate / 4);
        var low = new float[x.Length];
        var high = new float[x.Length];
        split.Split(0, x, low, high);
        var lowDb = Signals.RmsDb(low.AsSpan(rate / 8));
        lowDb.ShouldBeLessThan(Signals.RmsDb(x) - 40); // two octaves above: −48 dB for LR4
    }

    [Fact]
    public void Idle_multiband_passes_an_impulse_unchanged_so_the_master_stays_aligned()
    {
        const int rate = 48000;
        var multiband = new MultibandCompressor(rate, 1, ProcessorCatalog.MultibandSettings(ratio: 1, thresholdDb: 0));
        var h = new float[4096];
        h[100] = 1;
        multiband.Process(new AudioBlock([h]));
        h[100].ShouldBe(1f, 1e-5f);
        h.Select((v, i) => i == 100 ? 0 : Math.Abs(v)).Max().ShouldBeLessThan(1e-5f);
    }

    /// <summary>Largest |magnitude| deviation (dB) of the impulse response from 0 dB, 20 Hz–20 kHz.</summary>
    internal static double ImpulseResponseDeviationDb(IAudioProcessor processor, int rate)
    {
        const int length = 1 << 15;
        var h = new float[length];
        h[0] = 1;
        processor.Process(new AudioBlock([h]));
        double worst = 0;
        for (var f = 20.0; f <= 20000; f *= 1.05)
        {
            double re = 0, im = 0;
            var w = 2 * Math.PI * f / rate;
            for (var n = 0; n < length; n++)
            {
                re += h[n] * Math.Cos(w * n);
                im -= h[n] * Math.Sin(w * n);
            }

            worst = Math.Max(worst, Math.Abs(10 * Math.Log10((re * re) + (im * im))));
        }

        return worst;
    }
}
