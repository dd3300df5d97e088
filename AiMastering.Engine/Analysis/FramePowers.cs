using System.Numerics.Tensors;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// Mean-square power of every whole spectrum frame (frame f spans samples [f N, (f + 1) N), N =
/// <see cref="StereoSpectrum.FrameSizeFor"/>), the channel average for stereo, gathered block by block; then
/// <see cref="Select"/> picks the frames of the louder passages. A frame split between blocks is copied and
/// measured once whole, so the powers do not depend on the block sizes.
/// </summary>
internal sealed class FramePowers
{
    private readonly int frameSize;
    private readonly List<double> powers = [];
    private readonly float[] pendingLeft;
    private readonly float[] pendingRight;
    private int pending;

    public FramePowers(int sampleRate, bool stereo)
    {
        Stereo = stereo;
        frameSize = StereoSpectrum.FrameSizeFor(sampleRate);
        pendingLeft = new float[frameSize];
        pendingRight = stereo ? new float[frameSize] : [];
    }

    public bool Stereo { get; }

    /// <summary>The next samples (<paramref name="right"/> empty for mono).</summary>
    public void Append(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        var n = frameSize;
        while (!left.IsEmpty)
        {
            if (pending == 0 && left.Length >= n)
            {
                Add(left[..n], Stereo ? right[..n] : []);
                left = left[n..];
                right = Stereo ? right[n..] : [];
                continue;
            }

            var take = Math.Min(n - pending, left.Length);
            left[..take].CopyTo(pendingLeft.AsSpan(pending));
            if (Stereo)
            {
                right[..take].CopyTo(pendingRight.AsSpan(pending));
                right = right[take..];
            }

            left = left[take..];
            pending += take;
            if (pending == n)
            {
                Add(pendingLeft, pendingRight);
                pending = 0;
            }
        }
    }

    /// <summary>
    /// Start samples of the "louder passages": frame power above -70 dBFS and within 10 dB of the mean of those
    /// frames (the BS.1770 gating idea on unweighted frames); at most <paramref name="maxFrames"/>, spread evenly.
    /// </summary>
    public List<long> Select(int maxFrames)
    {
        var candidates = new List<long>();
        var audible = powers.Where(p => p > 1e-7).ToArray();
        if (audible.Length == 0)
        {
            return candidates;
        }

        var gate = audible.Average() * 0.1;
        for (var f = 0; f < powers.Count; f++)
        {
            if (powers[f] > 1e-7 && powers[f] >= gate)
            {
                candidates.Add((long)f * frameSize);
            }
        }

        if (candidates.Count <= maxFrames)
        {
            return candidates;
        }

        var chosen = new List<long>(maxFrames);
        for (var i = 0; i < maxFrames; i++)
        {
            chosen.Add(candidates[(int)((long)i * candidates.Count / maxFrames)]);
        }

        return chosen;
    }

    private void Add(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        var n = frameSize;
        double power = TensorPrimitives.SumOfSquares(left) / n;
        if (Stereo)
        {
            power = (power + (TensorPrimitives.SumOfSquares(right) / n)) / 2;
        }

        powers.Add(power);
    }
}
