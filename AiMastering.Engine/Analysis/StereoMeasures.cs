using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Analysis;

/// <summary>Stereo correlation, side/mid ratio, balance and mono fold-down loss; local correlation per second.</summary>
internal sealed class StereoMeasures
{
    public StereoMeasures(double[] crossPerSubBlock) => Cross = crossPerSubBlock;

    /// <summary>Sum of L*R per 10 ms sub-block.</summary>
    public double[] Cross { get; }

    public static StereoAnalysis Mono() =>
        new(1.0, null, 0.0, 0.0, ToneBands.All.Select(b => new StereoBand(b.Name, b.LowHz, b.HighHz, 1.0, null)).ToArray());

    public StereoAnalysis Summarize(ChannelStats left, ChannelStats right, StereoBand[] bands)
    {
        var ll = left.Energy.Sum();
        var rr = right.Energy.Sum();
        var lr = Cross.Sum();
        var correlation = ll > 0 && rr > 0 ? lr / Math.Sqrt(ll * rr) : double.NaN;
        var sideToMid = Decibels.FromPower((ll + rr - (2 * lr)) / (ll + rr + (2 * lr)));
        var foldDown = Decibels.FromPower((ll + rr + (2 * lr)) / (2 * (ll + rr)));
        var balance = Decibels.FromPower(ll / rr);
        return new StereoAnalysis(Decibels.OrNull(correlation, 3), Decibels.OrNull(sideToMid), Decibels.OrNull(foldDown), Decibels.OrNull(balance), bands);
    }

    /// <summary>Correlation of each 1 s window (100 sub-blocks) with enough level, else NaN.</summary>
    public double[] LocalCorrelation(ChannelStats left, ChannelStats right, SubBlockGrid grid, int window = 100)
    {
        var count = Cross.Length / window;
        var result = new double[count];
        for (var w = 0; w < count; w++)
        {
            double ll = 0, rr = 0, lr = 0;
            for (var k = w * window; k < (w + 1) * window; k++)
            {
                ll += left.Energy[k];
                rr += right.Energy[k];
                lr += Cross[k];
            }

            var samples = grid.Starts[(w + 1) * window] - grid.Starts[w * window];
            result[w] = ll > 1e-6 * samples && rr > 1e-6 * samples ? lr / Math.Sqrt(ll * rr) : double.NaN;
        }

        return result;
    }
}
