using AiMastering.Engine.Decoding;
using AiMastering.Engine.Matching;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// Automatic mastering: analyze → decide (named rules) → render the pre-limiter chain once → closed loop on
/// gain + true-peak limiter until the master is within ± 0.1 LU of the target and under the ceiling → analyze
/// the master. The master has the mix's sample rate, channel count and length, sample-aligned.
/// </summary>
public static class MasteringEngine
{
    /// <summary>
    /// Decoded size (32-bit float, all channels) above which <see cref="Master(MasteringRequest, CancellationToken)"/> takes
    /// the long-track path: 400 MB is about 19 minutes of 44.1 kHz stereo, 17 of 48 kHz stereo, 9 of 96 kHz stereo. The
    /// in-memory path is faster but holds the mix and the master, so its peak memory grows with the decoded size; the
    /// long-track path's stays bounded for any length and it spills up to twice the decoded size to disk (figures in
    /// docs/benchmarks-mastering.md).
    /// </summary>
    public const long LongTrackBytes = 400_000_000;

    /// <summary>
    /// Decodes the request's mix, masters it (toward its reference, if any), writes master.wav (24-bit, or 16-bit
    /// dithered) and, with a JSON directory, analysis.json, decision.json, report.json (and reference-analysis.json).
    /// Progress is reported per <see cref="MasteringStage"/>. Short tracks are mastered in the decoded buffer: the
    /// observer gets the final master just before master.wav is written (e.g. to start the MP3 preview in parallel),
    /// then its path. Tracks whose decoded audio exceeds <see cref="LongTrackBytes"/> are decoded, rendered and written
    /// block by block through spill files in a private folder under the request's temp folder, deleted afterwards
    /// whatever happens; there is no master buffer on that path (the observer is only told the written file, and the
    /// result's <see cref="MasteringResult.Master"/> is null). A reference is decoded and measured while the mix is
    /// decoded. Problems with the mix throw <see cref="AudioDecodeException"/>, problems with the reference
    /// <see cref="ReferenceTrackException"/>, settings out of range <see cref="ArgumentException"/>.
    /// </summary>
    public static MasteringResult Master(MasteringRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Settings);
        var settings = request.Settings.Validated();
        var progress = new StageReporter(request.Progress, request.Reference is not null || request.PreludeFor is not null);
        progress.Start(MasteringStage.Decoding);
        var probe = request.Probe ?? AudioDecoder.Probe(request.InputPath);
        var reference = request.Reference is { } r ? new ReferenceStep(r) : null;
        var run = new FileRun(request, settings, probe, progress, reference, ct);
        var result = DecodedBytes(request.InputPath, probe) > request.LongTrackBytes
            ? LongTrackMastering.Master(run)
            : InMemoryMastering.Master(run);
        progress.Start(MasteringStage.Reporting);
        if (reference is not null)
        {
            result = reference.Document(result, request.OutputWavPath, ct);
        }

        if (request.JsonDirectory is not null)
        {
            MasteringArtifacts.WriteJson(result, request.JsonDirectory);
        }

        progress.Report(MasteringStage.Reporting, 1);
        return result;
    }

    /// <summary>
    /// Masters <paramref name="mix"/> (left unchanged) in memory with an optional prelude: the pipeline of
    /// <see cref="Master(MasteringRequest, CancellationToken)"/> without files (tests and benchmarks of the engine itself).
    /// </summary>
    internal static MasteringResult Master(AudioBuffer mix, MasteringSettings settings, ChainPrelude? prelude = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mix);
        ArgumentNullException.ThrowIfNull(settings);
        return MasteringPipeline.Run(new InMemoryStages(mix, reuseInput: false, null), settings.Validated(), prelude is null ? null : _ => prelude, StageReporter.None, ct);
    }

    // From the header: frames × channels × 4 bytes; without a frame count (some FLAC), from the file size at 2:1 compression.
    private static long DecodedBytes(string input, AudioProbeResult probe)
    {
        if (probe.Frames > 0)
        {
            return probe.Frames * probe.Channels * sizeof(float);
        }

        var ratio = probe.Container == AudioContainer.Flac ? 2.0 : 1.0;
        return (long)(new FileInfo(input).Length * ratio * 32 / Math.Max(8, probe.BitsPerSample));
    }
}
