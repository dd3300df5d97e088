using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Streaming;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// <see cref="MasteringEngine.MasterFile"/> for long tracks: the same pipeline (<see cref="MasteringPipeline"/>) on
/// <see cref="SpillStages"/>. Spill files live in a private folder under <c>tempFolder</c> (or the system temp
/// folder) that is deleted whatever happens; an unfinished master.wav is deleted when the run fails or is cancelled.
/// </summary>
internal static class LongTrackMastering
{
    public static MasteringResult MasterFile(
        string input,
        string outputWav,
        MasteringSettings settings,
        ChainPrelude? prelude,
        IProgress<string>? progress,
        Action<string>? onMasterWritten,
        Func<DecodedMix, AudioAnalysis, ChainPrelude?>? preludeFor,
        string? tempFolder,
        CancellationToken ct)
    {
        progress?.Report("decoding");
        using var spill = new SpillFolder(tempFolder);
        SpillStages? stages = null;
        var done = false;
        try
        {
            using (var reader = AudioDecoder.OpenBlocks(input))
            {
                stages = SpillStages.Decode(reader, spill, outputWav, settings.BitDepth, onMasterWritten, ct);
            }

            Func<AudioAnalysis, ChainPrelude?>? preludeOf = prelude is not null ? _ => prelude : preludeFor is null ? null : analysis => preludeFor(stages.DescribeMix(), analysis);
            var result = MasteringPipeline.Run(stages, settings, preludeOf, progress, ct);
            done = true;
            return result;
        }
        finally
        {
            if (!done && stages is { MasterStarted: true } && File.Exists(outputWav))
            {
                File.Delete(outputWav);
            }
        }
    }
}
