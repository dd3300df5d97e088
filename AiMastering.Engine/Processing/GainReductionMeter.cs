namespace AiMastering.Engine.Processing;

/// <summary>Gain-reduction statistics since reset, for the report.</summary>
public sealed class GainReductionMeter
{
    private double sum;
    private long frames;

    /// <summary>Largest gain change since reset, dB (reduction positive, upward gain negative).</summary>
    public double MaxGainReductionDb { get; private set; }

    /// <summary>Mean gain reduction per frame since reset, dB.</summary>
    public double AverageGainReductionDb => frames == 0 ? 0 : sum / frames;

    internal void Add(double maxDb, double sumDb, int count)
    {
        if (Math.Abs(maxDb) > Math.Abs(MaxGainReductionDb))
        {
            MaxGainReductionDb = maxDb;
        }

        sum += sumDb;
        frames += count;
    }

    internal void Reset()
    {
        sum = 0;
        frames = 0;
        MaxGainReductionDb = 0;
    }
}
