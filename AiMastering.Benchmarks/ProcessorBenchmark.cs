using System.Diagnostics;
using AiMastering.Engine;
using AiMastering.Engine.Processing;

namespace AiMastering.Benchmarks;

/// <summary>Times each processor and the full mastering chain on 60 s of stereo 48 kHz audio, one core.</summary>
internal static class ProcessorBenchmark
{
    private const int Rate = 48000;
    private const int Seconds = 60;

    public static int Run(string[] args)
    {
        _ = args;
        var audio = TestSignal(Rate * Seconds);
        Console.WriteLine($"{Seconds} s stereo {Rate} Hz, block {ProcessorChain.DefaultBlockFrames} frames, one thread");
        Console.WriteLine($"{"processor",-12} {"ms",8} {"× realtime",12}");
        foreach (var (name, factory) in Processors())
        {
            Measure(name, [factory()], audio);
        }

        Measure("full chain", [.. Processors().Select(p => p.Factory())], audio);
        return 0;
    }

    private static void Measure(string name, IAudioProcessor[] processors, AudioBuffer audio)
    {
        var chain = new ProcessorChain(Rate, 2, processors);
        chain.Render(audio); // warm up
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            chain.Render(audio);
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"{name,-12} {best,8:F1} {Seconds * 1000 / best,12:F0}");
    }

    private static IEnumerable<(string Name, Func<IAudioProcessor> Factory)> Processors()
    {
        yield return ("high-pass", () => new HighPassFilter(Rate, 2, new HighPassSettings(30)));
        yield return ("eq", () => new StaticEqualizer(Rate, 2,
            [new EqBand(EqBandShape.LowShelf, 100, 1.5), new EqBand(EqBandShape.Peaking, 2500, -2, 1.4), new EqBand(EqBandShape.HighShelf, 10000, 1)]));
        yield return ("dynamic-eq", () => DynamicsProcessor.DynamicEq(Rate, 2, new DynamicEqSettings(EqBandShape.Peaking, 3000, -30)));
        yield return ("multiband", () => new MultibandCompressor(Rate, 2, new MultibandCompressorSettings(
            [120, 1000, 6000], [.. Enumerable.Range(0, 4).Select(_ => new CompressorSettings(-24, 2))])));
        yield return ("glue", () => DynamicsProcessor.Compressor(Rate, 2, new CompressorSettings(-18, 1.5)));
        yield return ("expander", () => DynamicsProcessor.UpwardExpander(Rate, 2, new UpwardExpanderSettings()));
        yield return ("width", () => new StereoWidth(Rate, 2, new StereoWidthSettings(1)));
        yield return ("gain", () => new GainProcessor(Rate, 2, new GainSettings(6)));
        yield return ("limiter", () => new TruePeakLimiter(Rate, 2, new TruePeakLimiterSettings(-1)));
        yield return ("dither", () => new TpdfDither(Rate, 2, new TpdfDitherSettings()));
    }

    private static AudioBuffer TestSignal(int length)
    {
        var random = new Random(1);
        var left = new float[length];
        var right = new float[length];
        for (var n = 0; n < length; n++)
        {
            var t = (double)n / Rate;
            var beat = Math.Exp(-8 * (t % 0.5));
            var x = (0.4 * beat * Math.Sin(2 * Math.PI * 55 * t)) + (0.2 * Math.Sin(2 * Math.PI * 440 * t)) + (0.1 * ((random.NextDouble() * 2) - 1));
            left[n] = (float)x;
            right[n] = (float)(0.9 * x);
        }

        return new AudioBuffer(Rate, [left, right]);
    }
}
