using AiMastering.Engine.Processing;

namespace AiMastering.UnitTests.Processing;

/// <summary>Every processor of the chain, with settings that make it work hard.</summary>
internal static class ProcessorCatalog
{
    public static readonly string[] Names =
    [
        "high-pass", "eq", "dynamic-eq", "multiband", "glue", "expander", "width", "gain", "limiter", "dither",
    ];

    public static IAudioProcessor Create(string name, int rate, int channels) => name switch
    {
        "high-pass" => new HighPassFilter(rate, channels, new HighPassSettings(30)),
        "eq" => new StaticEqualizer(rate, channels,
        [
            new EqBand(EqBandShape.LowShelf, 100, 2), new EqBand(EqBandShape.Peaking, 2500, -3, 1.4), new EqBand(EqBandShape.HighShelf, 10000, 1.5),
        ]),
        "dynamic-eq" => DynamicsProcessor.DynamicEq(rate, channels, new DynamicEqSettings(EqBandShape.Peaking, 3000, ThresholdDb: -30)),
        "multiband" => new MultibandCompressor(rate, channels, MultibandSettings(ratio: 3, thresholdDb: -25)),
        "glue" => DynamicsProcessor.Compressor(rate, channels, new CompressorSettings(ThresholdDb: -20, Ratio: 2, MakeupGainDb: 2)),
        "expander" => DynamicsProcessor.UpwardExpander(rate, channels, new UpwardExpanderSettings(ThresholdDb: -25)),
        "width" => new StereoWidth(rate, channels, new StereoWidthSettings(SideGainDb: 2)),
        "gain" => new GainProcessor(rate, channels, new GainSettings(6)),
        "limiter" => new TruePeakLimiter(rate, channels, new TruePeakLimiterSettings(-1)),
        "dither" => new TpdfDither(rate, channels, new TpdfDitherSettings()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static MultibandCompressorSettings MultibandSettings(double ratio, double thresholdDb) => new(
        [120, 1000, 6000],
        [.. Enumerable.Range(0, 4).Select(_ => new CompressorSettings(thresholdDb, ratio, AttackMs: 5, ReleaseMs: 100))]);

    public static ProcessorChain FullChain(int rate) => new(rate, 2, [.. Names.Select(n => Create(n, rate, 2))]);
}
