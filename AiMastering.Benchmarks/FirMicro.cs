using System.Diagnostics;
using AiMastering.Engine.Dsp;

namespace AiMastering.Benchmarks;

/// <summary>
/// `fir-micro`: the register-blocked FIR kernel (<see cref="FirKernel"/>, peak output policy as the true-peak
/// detectors use it) on a million outputs at 12 taps (one phase of the BS.1770 4× interpolator) and 145 taps (the MP3
/// preview's predicted lowpass): best of 30 runs, in ms and ns per multiply-add.
/// </summary>
internal static class FirMicro
{
    public static int Run()
    {
        var rng = new Random(1);
        var x = new float[1 << 20];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (float)(rng.NextDouble() - 0.5);
        }

        foreach (var taps in new[] { 12, 145 })
        {
            var t = new float[taps];
            for (var i = 0; i < taps; i++)
            {
                t[i] = (float)(rng.NextDouble() - 0.5);
            }

            var y = new float[x.Length - taps];
            var best = double.MaxValue;
            for (var r = 0; r < 30; r++)
            {
                var sw = Stopwatch.StartNew();
                FirKernel.AccumulatePeak(x, t, y);
                best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(FormattableString.Invariant($"taps {taps}: {best:0.000} ms per 1M outputs, {best * 1e6 / (y.Length * (double)taps):0.000} ns per MAC"));
        }

        return 0;
    }
}
