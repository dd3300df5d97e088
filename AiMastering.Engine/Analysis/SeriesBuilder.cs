using System.Numerics.Tensors;

namespace AiMastering.Engine.Analysis;

/// <summary>Short-term loudness curve and waveform overview, downsampled for the web page.</summary>
internal static class SeriesBuilder
{
    public const int MaxPoints = 2000;

    public static ShortTermSeries ShortTerm(LoudnessSeries loudness, double durationSeconds)
    {
        var values = loudness.ShortTerm10Hz;
        var stride = Math.Max(1, (int)Math.Ceiling(values.Length / (double)MaxPoints));
        var points = new double?[(values.Length + stride - 1) / stride];
        for (var i = 0; i < points.Length; i++)
        {
            var group = values.AsSpan(i * stride, Math.Min(stride, values.Length - (i * stride)));
            var max = TensorPrimitives.Max(group);
            points[i] = max > -120 ? Math.Round(max, 2) : null;
        }

        var start = loudness.SubBlocks < LoudnessSeries.ShortTermWindow ? durationSeconds : 3.0;
        return new ShortTermSeries(start, 0.1 * stride, points);
    }

    public static WaveformSeries Waveform(AudioBuffer audio)
    {
        var buckets = Math.Min(MaxPoints, audio.Length);
        var size = (int)Math.Ceiling(audio.Length / (double)Math.Max(1, buckets));
        buckets = size == 0 ? 0 : (audio.Length + size - 1) / size;
        var min = new float[buckets];
        var max = new float[buckets];
        for (var b = 0; b < buckets; b++)
        {
            var from = b * size;
            var count = Math.Min(size, audio.Length - from);
            var lo = float.MaxValue;
            var hi = float.MinValue;
            foreach (var channel in audio.Channels)
            {
                var span = channel.AsSpan(from, count);
                lo = Math.Min(lo, TensorPrimitives.Min(span));
                hi = Math.Max(hi, TensorPrimitives.Max(span));
            }

            min[b] = MathF.Round(lo, 4);
            max[b] = MathF.Round(hi, 4);
        }

        return new WaveformSeries(size / (double)audio.SampleRate, min, max);
    }
}
