using System.Diagnostics;
using AiMastering.Engine.Processing;

namespace AiMastering.Benchmarks;

/// <summary>
/// `dynamics-micro`: the dynamics' gain computer (<see cref="DynamicsCore.ComputeGain"/>: detector, static curve,
/// attack/release smoothing, dB conversions) on 5 minutes of frames in 1024-frame chunks, RMS and peak detector, in ns
/// per frame (best of 5); then the vector log/exp it uses, for scale.
/// </summary>
internal static class DynamicsMicro
{
    public static int Run()
    {
        var rng = new Random(1);
        const int n = 48000 * 300;
        var src = new float[n];
        for (var i = 0; i < n; i++)
        {
            var env = 0.3 * (1 + Math.Sin(i * 2 * Math.PI / 24000));
            src[i] = (float)(env * env * rng.NextDouble() * 0.1);
        }

        foreach (var rms in new[] { true, false })
        {
            var core = new DynamicsCore(48000, -31, 3, 3, 5, 80, 0, rms ? LevelDetector.Rms : LevelDetector.Peak, 10, false, 3.5);
            var level = new float[1024];
            var gain = new float[1024];
            var best = double.MaxValue;
            for (var r = 0; r < 5; r++)
            {
                var sw = Stopwatch.StartNew();
                for (var s = 0; s + 1024 <= n; s += 1024)
                {
                    src.AsSpan(s, 1024).CopyTo(level);
                    core.ComputeGain(level, gain);
                }

                best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(FormattableString.Invariant($"rms {rms}: {best:0.0} ms for {n} frames, {best * 1e6 / n:0.00} ns/frame"));
        }

        var a = new float[1024];
        var b = new float[1024];
        src.AsSpan(0, 1024).CopyTo(a);
        foreach (var name in new[] { "log10", "exp10", "mul", "log", "exp" })
        {
            var best = double.MaxValue;
            for (var r = 0; r < 5; r++)
            {
                var sw = Stopwatch.StartNew();
                for (var s = 0; s + 1024 <= n; s += 1024)
                {
                    switch (name)
                    {
                        case "log10": System.Numerics.Tensors.TensorPrimitives.Log10(a, b); break;
                        case "exp10": System.Numerics.Tensors.TensorPrimitives.Exp10(a, b); break;
                        case "log": System.Numerics.Tensors.TensorPrimitives.Log(a, b); break;
                        case "exp": System.Numerics.Tensors.TensorPrimitives.Exp(a, b); break;
                        default: System.Numerics.Tensors.TensorPrimitives.Multiply(a, 2f, b); break;
                    }
                }

                best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(FormattableString.Invariant($"{name}: {best * 1e6 / n:0.00} ns/frame"));
        }

        return 0;
    }
}
