using System.Diagnostics;
using AiMastering.Engine;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Dsp;
using AiMastering.Engine.Processing;

namespace AiMastering.Benchmarks;

/// <summary>
/// `limiter FILE [--gain DB]`: the true-peak limiter alone (default settings, -1 dBTP) on a whole file raised by a gain
/// (+6 dB by default, about what the closed loop asks of the benchmark track), one thread: best of 5, ms and CPU share.
/// </summary>
internal static class LimiterBenchmark
{
    public static int Run(string[] args)
    {
        var file = args[0];
        var gainDb = args.Length > 2 && args[1] == "--gain" ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 6.0;
        var source = AudioDecoder.Decode(file);
        var gain = (float)Decibels.ToLinear(gainDb);
        var work = new AudioBuffer(source.SampleRate, [.. source.Channels.Select(c => new float[c.Length])]);
        var best = double.MaxValue;
        for (var r = 0; r < 6; r++)
        {
            for (var c = 0; c < source.ChannelCount; c++)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(source.Channels[c], gain, work.Channels[c]);
            }

            var limiter = new TruePeakLimiter(source.SampleRate, source.ChannelCount, new TruePeakLimiterSettings(-1));
            var chain = new ProcessorChain(source.SampleRate, source.ChannelCount, [limiter]);
            var sw = Stopwatch.StartNew();
            chain.RenderInPlace(work);
            if (r > 0)
            {
                best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
            }
        }

        var peak = work.Channels.Max(c => Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(c)));
        Console.WriteLine(FormattableString.Invariant($"limiter on {source.Length / (double)source.SampleRate:0} s, +{gainDb} dB: best {best:0} ms, sample peak {Decibels.FromAmplitude(peak):0.000} dBFS"));
        return 0;
    }
}
