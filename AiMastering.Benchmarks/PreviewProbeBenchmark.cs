using System.Globalization;
using AiMastering.Engine;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Encoding;

namespace AiMastering.Benchmarks;

/// <summary>
/// `preview-probe MASTER.wav… [--ceiling DBTP]`: what <see cref="Mp3CodingProbe"/> measures on its sample of each master
/// against the preview actually encoded without attenuation (its true peak over the lowpassed master's), what the
/// probe costs, and what the product then does at the ceiling (attenuation against the least that would do, encodes).
/// </summary>
public static class PreviewProbeBenchmark
{
    public static int Run(string[] args)
    {
        var files = args.Where(a => a.EndsWith(".wav", StringComparison.OrdinalIgnoreCase)).ToList();
        var ceiling = args.SkipWhile(a => a != "--ceiling").Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(-1.0);
        var output = Path.Combine(Path.GetTempPath(), "aimaster-preview-probe.mp3");
        Console.WriteLine(Invariant($"{Environment.ProcessorCount} cores, ceiling {ceiling:0.0#} dBTP"));
        Console.WriteLine("| master | lowpassed TP | preview TP (no att.) | real overshoot | sampled TP | sampled overshoot | estimate | windows | sampled s of audio | probe wall / CPU s | gain / least dB | encodes | preview TP |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var file in files)
        {
            var master = AudioDecoder.Decode(file);
            var source = new BufferAudio(master);
            var encoder = new Mp3PreviewEncoder();
            var segments = Mp3SegmentPlan.DefaultSegmentCount(master.DurationSeconds, Environment.ProcessorCount);
            var plan = Mp3SegmentPlan.Create(master.SampleRate, master.Length, Mp3PreviewEncoder.PreviewSampleRate(master.SampleRate), segments);
            var lowpassed = new Mp3PeakPredictor(master.SampleRate, plan.PreviewRate)
                .ProfileAsync(() => source, master.Length, master.ChannelCount, double.NegativeInfinity, CancellationToken.None).GetAwaiter().GetResult();
            var probe = new Mp3CodingProbe("ffmpeg");
            probe.MeasureAsync(() => source, plan, master.ChannelCount, lowpassed, CancellationToken.None).GetAwaiter().GetResult(); // warm-up
            var cpu0 = PreviewBenchmark.CpuSeconds();
            var sample = probe.MeasureAsync(() => source, plan, master.ChannelCount, lowpassed, CancellationToken.None).GetAwaiter().GetResult();
            var cpu = PreviewBenchmark.CpuSeconds() - cpu0;
            var free = encoder.EncodeAsync(master, output, ceilingDbtp: 20, segments: null, CancellationToken.None, predictPeak: false).GetAwaiter().GetResult();
            var product = encoder.EncodeAsync(master, output, ceiling, CancellationToken.None).GetAwaiter().GetResult();
            var least = Math.Max(0, free.TruePeakDbtp - ceiling);
            Console.WriteLine(Invariant(
                $"| {file} | {lowpassed.TruePeakDbtp:0.00} | {free.TruePeakDbtp:0.00} | {free.TruePeakDbtp - lowpassed.TruePeakDbtp:0.00} | {sample.SampledPeakDbtp:0.00} | {sample.OvershootDb:0.00} | {Mp3CodingProbe.PredictDbtp(lowpassed, sample):0.00} | {sample.Windows} | {sample.SampledSeconds:0.0} | {sample.Seconds:0.00} / {cpu:0.00} | {-product.GainDb:0.00} / {least:0.00} | {product.Encodes} | {product.TruePeakDbtp:0.00} |"));
        }

        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
