using System.Numerics.Tensors;

namespace AiMastering.Engine.Analysis;

/// <summary>Short-term loudness curve and waveform overview, downsampled for the web page.</summary>
internal static class SeriesBuilder
{
    public const int MaxPoints = 2000;

    public static LoudnessCurve ShortTerm(LoudnessSeries loudness, double durationSeconds)
    {
        var start = loudness.SubBlocks < LoudnessSeries.ShortTermWindow ? durationSeconds : 3.0;
        return Downsample(loudness.ShortTerm10Hz, start);
    }

    /// <summary>Momentary loudness (400 ms windows) every 100 ms, from the first full window.</summary>
    public static LoudnessCurve Momentary(LoudnessSeries loudness, double durationSeconds)
    {
        if (loudness.SubBlocks < LoudnessSeries.MomentaryWindow)
        {
            return Downsample(loudness.SubBlocks == 0 ? [] : [loudness.Momentary(loudness.SubBlocks)], durationSeconds);
        }

        var values = new double[((loudness.SubBlocks - LoudnessSeries.MomentaryWindow) / 10) + 1];
        for (var m = 0; m < values.Length; m++)
        {
            values[m] = loudness.Momentary(LoudnessSeries.MomentaryWindow + (m * 10));
        }

        return Downsample(values, 0.4);
    }

    private static LoudnessCurve Downsample(double[] values, double startSeconds)
    {
        var stride = Math.Max(1, (int)Math.Ceiling(values.Length / (double)MaxPoints));
        var points = new double?[(values.Length + stride - 1) / stride];
        for (var i = 0; i < points.Length; i++)
        {
            var group = values.AsSpan(i * stride, Math.Min(stride, values.Length - (i * stride)));
            var max = TensorPrimitives.Max(group);
            points[i] = max > -120 ? Math.Round(max, 2) : null;
        }

        return new LoudnessCurve(startSeconds, 0.1 * stride, points);
    }

    /// <summary>Min/max over all channels per bucket of whole 10 ms sub-blocks (at most <see cref="MaxPoints"/> buckets).</summary>
    public static WaveformSeries Waveform(IReadOnlyList<ChannelStats> channels, SubBlockGrid grid)
    {
        var per = Math.Max(1, (int)Math.Ceiling(grid.Count / (double)MaxPoints));
        var buckets = (grid.Count + per - 1) / per;
        var min = new float[buckets];
        var max = new float[buckets];
        for (var b = 0; b < buckets; b++)
        {
            var from = b * per;
            var count = Math.Min(per, grid.Count - from);
            var lo = float.MaxValue;
            var hi = float.MinValue;
            foreach (var c in channels)
            {
                lo = Math.Min(lo, TensorPrimitives.Min(c.Min.AsSpan(from, count)));
                hi = Math.Max(hi, TensorPrimitives.Max(c.Max.AsSpan(from, count)));
            }

            min[b] = MathF.Round(lo, 4);
            max[b] = MathF.Round(hi, 4);
        }

        return new WaveformSeries(per / (double)SubBlockGrid.PerSecond, min, max);
    }
}
