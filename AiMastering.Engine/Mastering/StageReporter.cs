namespace AiMastering.Engine.Mastering;

/// <summary>
/// Turns the pipeline's "stage, fraction" into <see cref="MasteringProgress"/>, with an overall fraction from each
/// stage's usual share of a run (stages that do not run, such as reference matching without a reference, take no share).
/// Does nothing without a progress sink.
/// </summary>
internal sealed class StageReporter(IProgress<MasteringProgress>? progress, bool withReference)
{
    // Rough shares of an in-memory run's time; only the overall fraction (and so the ETA) depends on them.
    private static readonly double[] Weights = [0.22, 0.05, 0.15, 0.01, 0.2, 0.3, 0.12, 0.05, 0.05];

    private readonly double total = Weights.Sum() - (withReference ? 0 : Weights[(int)MasteringStage.MatchingReference]);

    public static StageReporter None { get; } = new(null, false);

    public void Start(MasteringStage stage) => Report(stage, 0);

    public void Report(MasteringStage stage, double fraction)
    {
        if (progress is null)
        {
            return;
        }

        fraction = Math.Clamp(fraction, 0, 1);
        var before = 0.0;
        for (var s = MasteringStage.Decoding; s < stage; s++)
        {
            before += s == MasteringStage.MatchingReference && !withReference ? 0 : Weights[(int)s];
        }

        progress.Report(new MasteringProgress(stage, fraction, Math.Min(1, (before + (Weights[(int)stage] * fraction)) / total)));
    }
}
