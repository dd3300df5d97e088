namespace AiMastering.Engine.Analysis;

/// <summary>
/// Per-channel measurements on the 10 ms grid, filled by <see cref="ChannelPass"/>, <see cref="PeakScan"/> and
/// <see cref="TruePeakMeter"/>. Block-fed passes grow the arrays (<see cref="EnsureCapacity"/>, called before the
/// passes run in parallel) and <see cref="Trim"/> cuts them to the final sub-block count.
/// </summary>
internal sealed class ChannelStats(int subBlocks)
{
    private double[] weightedEnergy = new double[subBlocks];
    private double[] energy = new double[subBlocks];
    private float[] samplePeak = new float[subBlocks];
    private float[] truePeak = new float[subBlocks];
    private float[] min = new float[subBlocks];
    private float[] max = new float[subBlocks];

    /// <summary>Sum of squared K-weighted samples per sub-block (BS.1770 eq. 1 numerator).</summary>
    public double[] WeightedEnergy => weightedEnergy;

    /// <summary>Sum of squared raw samples per sub-block.</summary>
    public double[] Energy => energy;

    /// <summary>Largest |sample| per sub-block.</summary>
    public float[] SamplePeak => samplePeak;

    /// <summary>Largest |4x oversampled value| per sub-block (BS.1770 Annex 2).</summary>
    public float[] TruePeak => truePeak;

    /// <summary>Lowest and highest sample per sub-block (waveform overview).</summary>
    public float[] Min => min;

    public float[] Max => max;

    public double Sum { get; set; }

    public List<(int Start, int Length)> ClippedRuns { get; } = [];

    /// <summary>Makes room for <paramref name="subBlocks"/> sub-blocks (at least doubling, so growth is amortized).</summary>
    public void EnsureCapacity(int subBlocks)
    {
        if (subBlocks > weightedEnergy.Length)
        {
            Resize(Math.Max(subBlocks, weightedEnergy.Length * 2));
        }
    }

    /// <summary>Cuts (or pads with zeros) every array to exactly <paramref name="subBlocks"/> entries.</summary>
    public void Trim(int subBlocks)
    {
        if (subBlocks != weightedEnergy.Length)
        {
            Resize(subBlocks);
        }
    }

    private void Resize(int size)
    {
        Array.Resize(ref weightedEnergy, size);
        Array.Resize(ref energy, size);
        Array.Resize(ref samplePeak, size);
        Array.Resize(ref truePeak, size);
        Array.Resize(ref min, size);
        Array.Resize(ref max, size);
    }
}
