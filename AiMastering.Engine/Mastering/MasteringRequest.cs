using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Matching;

namespace AiMastering.Engine.Mastering;

/// <summary>One mastering run for <see cref="MasteringEngine.Master(MasteringRequest, CancellationToken)"/>.</summary>
public sealed record MasteringRequest
{
    /// <summary>The mix (WAV, AIFF or FLAC).</summary>
    public required string InputPath { get; init; }

    /// <summary>Where master.wav is written (24-bit, or 16-bit dithered).</summary>
    public required string OutputWavPath { get; init; }

    public MasteringSettings Settings { get; init; } = MasteringSettings.Default;

    /// <summary>A reference track to match; none by default.</summary>
    public ReferenceRequest? Reference { get; init; }

    /// <summary>When given, analysis.json, decision.json, report.json (and reference-analysis.json) are written there.</summary>
    public string? JsonDirectory { get; init; }

    /// <summary>Where the long-track path's private spill folder is made (default: the system temp folder).</summary>
    public string? TempFolder { get; init; }

    /// <summary>The mix's header when the caller has read it already (so it is read once per job).</summary>
    public AudioProbeResult? Probe { get; init; }

    public IProgress<MasteringProgress>? Progress { get; init; }

    public IMasteringObserver? Observer { get; init; }

    /// <summary>
    /// Decoded size above which the long-track path is taken (<see cref="MasteringEngine.LongTrackBytes"/>; tests force it with 0).
    /// </summary>
    internal long LongTrackBytes { get; init; } = MasteringEngine.LongTrackBytes;

    /// <summary>A prelude built from the decoded mix and its analysis, instead of a reference (tests of the prelude seam).</summary>
    internal Func<DecodedMix, AudioAnalysis, ChainPrelude?>? PreludeFor { get; init; }
}
