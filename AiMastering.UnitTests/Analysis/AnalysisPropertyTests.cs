using AiMastering.Engine;
using AiMastering.Engine.Analysis;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiMastering.UnitTests.Analysis;

public sealed class AnalysisPropertyTests
{
    // Every absolute level figure moves by exactly the gain; figures that are ratios do not move.
    [Property(MaxTest = 6)]
    public void A_copy_6_dB_quieter_reads_6_dB_lower_in_every_level(PositiveInt seed)
    {
        var rate = seed.Get % 2 == 0 ? 48000 : 44100;
        var random = new Random(seed.Get);
        var length = rate * 8;
        var left = Signals.PinkNoise(length, seed.Get, 0.02 + (random.NextDouble() * 0.1));
        var right = Signals.WhiteNoise(length, seed.Get + 1, -30);
        for (var i = 0; i < length; i++)
        {
            right[i] = (0.5f * right[i]) + (0.7f * left[i]);
        }

        var loud = new AudioBuffer(rate, [left, right]);
        var a = Analyzer.Analyze(loud);
        var b = Analyzer.Analyze(Signals.Scaled(loud, -6.0));

        static void Drop(double? x, double? y, string name) => (x!.Value - y!.Value).ShouldBe(6.0, 0.021, name);
        Drop(a.Loudness.IntegratedLufs, b.Loudness.IntegratedLufs, "integrated");
        Drop(a.Loudness.MomentaryMaxLufs, b.Loudness.MomentaryMaxLufs, "momentary max");
        Drop(a.Loudness.ShortTermMaxLufs, b.Loudness.ShortTermMaxLufs, "short-term max");
        Drop(a.Loudness.TruePeakDbtp, b.Loudness.TruePeakDbtp, "true peak");
        Drop(a.Loudness.SamplePeakDbfs, b.Loudness.SamplePeakDbfs, "sample peak");
        Drop(a.Dynamics.RmsDbfs, b.Dynamics.RmsDbfs, "rms");
        for (var i = 0; i < a.Spectrum.Bands.Length; i++)
        {
            Drop(a.Spectrum.Bands[i].LevelDb, b.Spectrum.Bands[i].LevelDb, a.Spectrum.Bands[i].Name);
        }

        for (var i = 0; i < a.Spectrum.Ltas.Length; i++)
        {
            Drop(a.Spectrum.Ltas[i].LevelDb, b.Spectrum.Ltas[i].LevelDb, $"ltas {a.Spectrum.Ltas[i].FrequencyHz}");
        }

        b.Loudness.RangeLu.ShouldBe(a.Loudness.RangeLu, 0.02);
        b.Dynamics.PlrDb!.Value.ShouldBe(a.Dynamics.PlrDb!.Value, 0.02);
        b.Dynamics.CrestFactorDb!.Value.ShouldBe(a.Dynamics.CrestFactorDb!.Value, 0.02);
        b.Dynamics.Dr.ShouldBe(a.Dynamics.Dr);
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    public void Pink_noise_is_flat_against_the_reference_tilt(int rate)
    {
        var x = Signals.PinkNoise(rate * 30, 7);
        var audio = new AudioBuffer(rate, [x, Signals.PinkNoise(rate * 30, 8)]);

        var result = Analyzer.Analyze(audio);

        foreach (var band in result.Spectrum.Bands)
        {
            band.DeviationDb!.Value.ShouldBe(0, 1.0, band.Name);
        }

        var ltas = result.Spectrum.Ltas.Where(p => p.FrequencyHz is > 30 and < 16000).Select(p => p.LevelDb!.Value).ToArray();
        (ltas.Max() - ltas.Min()).ShouldBeLessThan(2.0);
        result.Problems.ShouldNotContain(p => p.Code == ProblemCode.ExcessiveLowEnd || p.Code == ProblemCode.HarshHighMids);
    }

    [Fact]
    public void Third_octave_helper_reads_pink_noise_flat()
    {
        var x = Signals.PinkNoise(44100 * 20, 3);

        var spectrum = SpectrumAnalyzer.ThirdOctaveLevels(x, 44100);

        spectrum.FrequenciesHz.Length.ShouldBe(30); // 25 Hz .. 16 kHz centres; the 20 kHz band passes Nyquist at 44.1 kHz
        var inner = spectrum.LevelsDb.Where((_, i) => spectrum.FrequenciesHz[i] is > 30 and < 16000).ToArray();
        (inner.Max() - inner.Min()).ShouldBeLessThan(1.5);
    }
}
