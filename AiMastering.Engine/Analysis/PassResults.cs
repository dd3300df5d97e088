namespace AiMastering.Engine.Analysis;

/// <summary>What <see cref="AnalysisPasses"/> measured: per-sub-block statistics, L·R per sub-block (stereo) and the spectrum frame powers (if gathered).</summary>
internal sealed record PassResults(SubBlockGrid Grid, ChannelStats[] Channels, double[]? Cross, FramePowers? Frames);
