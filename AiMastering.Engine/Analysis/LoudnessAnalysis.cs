namespace AiMastering.Engine.Analysis;

/// <summary>ITU-R BS.1770-4 / EBU R 128 loudness and peaks. Null means -infinity (silence).</summary>
public sealed record LoudnessAnalysis(
    double? IntegratedLufs,
    double RangeLu,
    double? RangeLowLufs,
    double? RangeHighLufs,
    double? TruePeakDbtp,
    double? SamplePeakDbfs,
    double? MomentaryMaxLufs,
    double? ShortTermMaxLufs,
    double?[] ChannelTruePeaksDbtp,
    double?[] ChannelSamplePeaksDbfs);
