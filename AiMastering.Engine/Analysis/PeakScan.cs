using System.Numerics.Tensors;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// Sample peaks, minimum and maximum per sub-block (vectorized) and a scan for clipped runs where a
/// sub-block reaches full scale. Fed in blocks of any size; a sub-block split between blocks is combined,
/// so the result equals one pass over the whole signal.
/// </summary>
internal sealed class PeakScan(int sampleRate, ChannelStats stats)
{
    /// <summary>|x| at or above this counts as full scale (-0.01 dBFS; 16-bit full scale is -0.0003 dBFS).</summary>
    public const float ClipThreshold = 0.99885f;

    /// <summary>A clip is this many consecutive full-scale samples (a single full-scale sample is legal).</summary>
    public const int MinClipRun = 3;

    private long position;
    private int sub;
    private long subEnd = SubBlockGrid.Boundary(sampleRate, 1);
    private bool subStarted;
    private long runStart = -1;

    /// <summary>Scans the next samples of the channel.</summary>
    public void Append(ReadOnlySpan<float> samples)
    {
        var done = 0;
        while (done < samples.Length)
        {
            while (position >= subEnd)
            {
                NextSubBlock();
            }

            var n = (int)Math.Min(samples.Length - done, subEnd - position);
            var segment = samples.Slice(done, n);
            var lo = TensorPrimitives.Min(segment);
            var hi = TensorPrimitives.Max(segment);
            if (subStarted)
            {
                lo = Math.Min(lo, stats.Min[sub]);
                hi = Math.Max(hi, stats.Max[sub]);
            }

            var peak = Math.Max(-lo, hi);
            stats.Min[sub] = lo;
            stats.Max[sub] = hi;
            stats.SamplePeak[sub] = peak;
            subStarted = true;
            if (peak >= ClipThreshold || runStart >= 0)
            {
                ScanClips(segment);
            }

            position += n;
            done += n;
        }
    }

    /// <summary>Closes a clipped run that reaches the end of the signal.</summary>
    public void Complete()
    {
        if (runStart >= 0 && position - runStart >= MinClipRun)
        {
            stats.ClippedRuns.Add(((int)runStart, (int)(position - runStart)));
        }

        runStart = -1;
    }

    private void NextSubBlock()
    {
        sub++;
        subEnd = SubBlockGrid.Boundary(sampleRate, sub + 1);
        subStarted = false;
    }

    private void ScanClips(ReadOnlySpan<float> segment)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            if (Math.Abs(segment[i]) >= ClipThreshold)
            {
                if (runStart < 0)
                {
                    runStart = position + i;
                }
            }
            else if (runStart >= 0)
            {
                var length = position + i - runStart;
                if (length >= MinClipRun)
                {
                    stats.ClippedRuns.Add(((int)runStart, (int)length));
                }

                runStart = -1;
            }
        }
    }
}
