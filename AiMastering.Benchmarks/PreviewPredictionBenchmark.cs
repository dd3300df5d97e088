using System.Diagnostics;
using System.Globalization;
using AiMastering.Engine;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Encoding;

namespace AiMastering.Benchmarks;

/// <summary>
/// `preview-predict MASTER.wav… [--transition HZ…]`: how far the true peak of the preview actually encoded without
/// attenuation comes over the lowpassed master's that <see cref="Mp3PeakPredictor"/> computes (it adds
/// <see cref="Mp3PeakPredictor.CodingAllowanceDb"/> for that), and what the computation costs (wall time, the whole
/// master, no skipping), per master and lowpass transition width.
/// </summary>
public static class PreviewPredictionBenchmark
{
    public static int Run(string[] args)
    {
        var files = args.Where(a => a.EndsWith(".wav", StringComparison.OrdinalIgnoreCase)).ToList();
        var transitions = args.SkipWhile(a => a != "--transition").Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal))
            .Select(a => double.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(1000).ToList();
        var output = Path.Combine(Path.GetTempPath(), "aimaster-preview-predict.mp3");
        Console.WriteLine(Invariant($"{Environment.ProcessorCount} cores"));
        Console.WriteLine("| master | rate | master TP | preview TP (no attenuation) | transition Hz | taps | lowpassed TP | preview − lowpassed | estimate s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var file in files)
        {
            var master = AudioDecoder.Decode(file);
            var source = new BufferAudio(master);
            var masterPeak = TruePeak.OfBufferDbtp(master);
            var preview = new Mp3PreviewEncoder().EncodeAsync(master, output, ceilingDbtp: 20, CancellationToken.None).GetAwaiter().GetResult();
            foreach (var transition in transitions)
            {
                var predictor = new Mp3PeakPredictor(master.SampleRate, Mp3PreviewEncoder.PreviewSampleRate(master.SampleRate), transition);
                predictor.PredictDbtpAsync(() => source, master.Length, master.ChannelCount, double.NegativeInfinity, CancellationToken.None).GetAwaiter().GetResult(); // warm-up
                var clock = Stopwatch.StartNew();
                var estimate = predictor.PredictDbtpAsync(() => source, master.Length, master.ChannelCount, double.NegativeInfinity, CancellationToken.None).GetAwaiter().GetResult();
                var seconds = clock.Elapsed.TotalSeconds;
                Console.WriteLine(Invariant($"| {Path.GetFileName(file)} | {master.SampleRate} | {masterPeak:0.00} | {preview.TruePeakDbtp:0.00} | {transition:0} | {predictor.TapCount} | {estimate:0.00} | {preview.TruePeakDbtp - estimate:+0.00;-0.00} | {seconds:0.000} |"));
            }
        }

        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
