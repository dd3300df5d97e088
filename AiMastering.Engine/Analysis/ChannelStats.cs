namespace AiMastering.Engine.Analysis;

/// <summary>Per-channel measurements on the 10 ms grid, filled by <see cref="ChannelPass"/> and <see cref="TruePeakMeter"/>.</summary>
internal sealed class ChannelStats(int subBlocks)
{
    /// <summary>Sum of squared K-weighted samples per sub-block (BS.1770 eq. 1 numerator).</summary>
    public double[] WeightedEnergy { get; } = new double[subBlocks];

    /// <summary>Sum of squared raw samples per sub-block.</summary>
    public double[] Energy { get; } = new double[subBlocks];

    /// <summary>Largest |sample| per sub-block.</summary>
    public float[] SamplePeak { get; } = new float[subBlocks];

    /// <summary>Largest |4x oversampled value| per sub-block (BS.1770 Annex 2).</summary>
    public float[] TruePeak { get; } = new float[subBlocks];

    /// <summary>Lowest and highest sample per sub-block (waveform overview).</summary>
    public float[] Min { get; } = new float[subBlocks];

    public float[] Max { get; } = new float[subBlocks];

    public double Sum { get; set; }

    public List<(int Start, int Length)> ClippedRuns { get; } = [];
}
