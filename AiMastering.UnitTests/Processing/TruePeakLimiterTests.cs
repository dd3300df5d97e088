using AiMastering.Engine;
using AiMastering.Engine.Dsp;
using AiMastering.Engine.Processing;
using AiMastering.Testing;

namespace AiMastering.UnitTests.Processing;

public sealed class TruePeakLimiterTests(ITestOutputHelper output)
{
    private const double CeilingDbtp = -1.0;
    private const double Tolerance = 0.05;

    public static TheoryData<int, string> WorstCases()
    {
        var data = new TheoryData<int, string>();
        foreach (var rate in new[] { 44100, 48000, 96000 })
        {
            foreach (var signal in new[] { "quarter-rate-45", "square", "impulses", "noise-bursts" })
            {
                data.Add(rate, signal);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WorstCases))]
    public void Output_true_peak_never_exceeds_the_ceiling(int sampleRate, string signal)
    {
        var length = sampleRate / 2;
        var overDrive = Decibels.ToLinear(CeilingDbtp + 9); // 9 dB into the limiter
        float[] Make(int seed) => signal switch
        {
            "quarter-rate-45" => Signals.QuarterRateSine(sampleRate, overDrive, length),
            "square" => Signals.Square(sampleRate, 997, overDrive, length),
            "impulses" => Signals.Impulses(sampleRate, overDrive, length),
            _ => Signals.NoiseBursts(sampleRate, overDrive / 3, length, seed),
        };
        var input = Signals.Stereo(sampleRate, Make(1), Make(2));

        var master = Limit(input, new TruePeakLimiterSettings(CeilingDbtp));

        var truePeak = ReferenceTruePeak.Db(master.Channels);
        output.WriteLine($"{signal} @ {sampleRate}: input {ReferenceTruePeak.Db(input.Channels):F2} dBTP, output {truePeak:F3} dBTP");
        truePeak.ShouldBeLessThanOrEqualTo(CeilingDbtp + Tolerance);
        master.Length.ShouldBe(input.Length);
    }

    [Theory]
    [InlineData(44100, "white-noise")]
    [InlineData(48000, "white-noise")]
    [InlineData(96000, "white-noise")]
    [InlineData(48000, "square")]
    [InlineData(44100, "quarter-rate-45")]
    public void Output_reads_at_or_under_the_ceiling_by_the_analysis_meter(int sampleRate, string signal)
    {
        // Dense, bright material 12 dB into the limiter: the BS.1770 meter's short interpolator reads above the
        // limiter's longer one there, and the mastering loop verifies with that meter.
        var length = sampleRate * 2;
        var drive = Decibels.ToLinear(CeilingDbtp + 12);
        float[] Make(int seed) => signal switch
        {
            "square" => Signals.Square(sampleRate, 1999, drive, length),
            "quarter-rate-45" => Signals.QuarterRateSine(sampleRate, drive, length),
            _ => Signals.WhiteNoise(drive / 3, length, seed),
        };
        var input = Signals.Stereo(sampleRate, Make(1), Make(2));

        var master = Limit(input, new TruePeakLimiterSettings(CeilingDbtp));

        var meter = AiMastering.Engine.Analysis.LoudnessMeter.Measure(master).TruePeakDbtp;
        output.WriteLine($"{signal} @ {sampleRate}: analysis meter {meter:F3} dBTP, reference {ReferenceTruePeak.Db(master.Channels):F3} dBTP");
        meter.ShouldBeLessThanOrEqualTo(CeilingDbtp + 0.01);
    }

    [Theory]
    [InlineData(1000, 0.001)]
    [InlineData(100, 0.01)]
    public void Sine_3_dB_over_the_ceiling_comes_out_clean_at_the_ceiling(double frequencyHz, double maxThd)
    {
        const int rate = 48000;
        var peak = Decibels.ToLinear(CeilingDbtp + 3);
        var x = Signals.Sine(rate, frequencyHz, peak, rate * 2);
        var master = Limit(Signals.Stereo(rate, x, (float[])x.Clone()), new TruePeakLimiterSettings(CeilingDbtp));

        // Steady state: the second half, a whole number of periods.
        var start = rate;
        var count = rate; // 1 s: a whole number of periods of both test frequencies
        var y = master.Channels[0].AsSpan(start, count);
        var (amplitude, thd) = FundamentalAndThd(y, rate, frequencyHz, start);
        output.WriteLine($"{frequencyHz} Hz: amplitude {Decibels.FromAmplitude(amplitude):F3} dB, THD {thd:P4}");
        Decibels.FromAmplitude(amplitude).ShouldBe(CeilingDbtp, 0.3);
        thd.ShouldBeLessThan(maxThd);
        ReferenceTruePeak.Db(master.Channels).ShouldBeLessThanOrEqualTo(CeilingDbtp + Tolerance);
    }

    [Fact]
    public void Signal_below_the_ceiling_passes_unchanged_and_aligned()
    {
        const int rate = 44100;
        float[] Tones(double phase) => [.. Signals.Sine(rate, 97, 0.3, rate, phase).Zip(Signals.Sine(rate, 15000, 0.2, rate, phase), (a, b) => a + b)];
        var input = Signals.Stereo(rate, Tones(0), Tones(1));
        var master = Limit(input, new TruePeakLimiterSettings(CeilingDbtp));
        for (var c = 0; c < 2; c++)
        {
            for (var n = 100; n < rate - 100; n++)
            {
                master.Channels[c][n].ShouldBe(input.Channels[c][n], 2e-4);
            }
        }
    }

    [Fact]
    public void Without_band_limit_a_signal_below_the_ceiling_passes_bit_exact()
    {
        const int rate = 44100;
        var input = Signals.Stereo(rate, Signals.WhiteNoise(0.05, rate, 3), Signals.WhiteNoise(0.05, rate, 4));
        var master = Limit(input, new TruePeakLimiterSettings(CeilingDbtp, BandLimit: false));
        master.Channels[0].ShouldBe(input.Channels[0]);
        master.Channels[1].ShouldBe(input.Channels[1]);
    }

    [Fact]
    public void Limited_output_is_aligned_with_the_input_at_lag_0()
    {
        const int rate = 48000;
        var input = Signals.Stereo(rate, Signals.NoiseBursts(rate, 1.0, rate, 5), Signals.NoiseBursts(rate, 1.0, rate, 6));
        var master = Limit(input, new TruePeakLimiterSettings(CeilingDbtp));
        CrossCorrelation.PeakLag(input.Channels[0], master.Channels[0], 200).ShouldBe(0);
    }

    [Fact]
    public void Stereo_detection_is_linked_so_the_image_does_not_shift()
    {
        const int rate = 48000;
        var loud = Signals.Sine(rate, 440, 2.0, rate);
        var quiet = Signals.Sine(rate, 440, 0.5, rate);
        var master = Limit(Signals.Stereo(rate, loud, quiet), new TruePeakLimiterSettings(CeilingDbtp));
        for (var n = rate / 2; n < rate; n += 97)
        {
            (master.Channels[1][n] * 4f).ShouldBe(master.Channels[0][n], 1e-4);
        }
    }

    [Fact]
    public void Gain_reduction_is_metered()
    {
        const int rate = 48000;
        var x = Signals.Sine(rate, 1000, Decibels.ToLinear(CeilingDbtp + 6), rate);
        var limiter = new TruePeakLimiter(rate, 1, new TruePeakLimiterSettings(CeilingDbtp));
        limiter.Process(new AudioBlock([x]));
        limiter.MaxGainReductionDb.ShouldBe(6, 0.3);
        limiter.AverageGainReductionDb.ShouldBeInRange(4.5, 6.3);
    }

    private static AudioBuffer Limit(AudioBuffer input, TruePeakLimiterSettings settings)
    {
        var chain = new ProcessorChain(input.SampleRate, input.ChannelCount, [new TruePeakLimiter(input.SampleRate, input.ChannelCount, settings)]);
        return chain.Render(input);
    }

    /// <summary>Least-squares fit of the fundamental; THD+N = residual RMS / fundamental RMS.</summary>
    private static (double Amplitude, double Thd) FundamentalAndThd(ReadOnlySpan<float> y, int rate, double frequencyHz, int start)
    {
        double ss = 0, sc = 0;
        for (var i = 0; i < y.Length; i++)
        {
            var phase = 2 * Math.PI * frequencyHz * (start + i) / rate;
            ss += y[i] * Math.Sin(phase);
            sc += y[i] * Math.Cos(phase);
        }

        var a = 2 * ss / y.Length;
        var b = 2 * sc / y.Length;
        double residual = 0;
        for (var i = 0; i < y.Length; i++)
        {
            var phase = 2 * Math.PI * frequencyHz * (start + i) / rate;
            var e = y[i] - ((a * Math.Sin(phase)) + (b * Math.Cos(phase)));
            residual += e * e;
        }

        var amplitude = Math.Sqrt((a * a) + (b * b));
        return (amplitude, Math.Sqrt(residual / y.Length) / (amplitude / Math.Sqrt(2)));
    }
}
