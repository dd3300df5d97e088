using AiMastering.Engine.Decoding;
using AiMastering.Engine.Streaming;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// The file-to-file run for long tracks: the same pipeline (<see cref="MasteringPipeline"/>) on
/// <see cref="SpillStages"/>. Spill files live in a private folder under the request's temp folder (or the system temp
/// folder) that is deleted whatever happens; an unfinished master.wav is deleted when the run fails or is cancelled.
/// There is no master buffer: the observer is only told when master.wav is written.
/// </summary>
internal static class LongTrackMastering
{
    public static MasteringResult Master(FileRun run)
    {
        var request = run.Request;
        using var spill = new SpillFolder(request.TempFolder);
        SpillStages? stages = null;
        var done = false;
        try
        {
            run.DecodeAlongsideReference(() =>
            {
                using var reader = AudioDecoder.OpenBlocks(request.InputPath, run.Probe);
                stages = SpillStages.Decode(reader, spill, request.OutputWavPath, run.Settings.BitDepth, run.MasterWritten,
                    fraction => run.Progress.Report(MasteringStage.Decoding, fraction), run.Ct);
            });
            var result = MasteringPipeline.Run(stages!, run.Settings, run.PreludeOf(stages!.DescribeMix()), run.Progress, run.Ct);
            done = true;
            return result;
        }
        finally
        {
            if (!done && stages is { MasterStarted: true } && File.Exists(request.OutputWavPath))
            {
                File.Delete(request.OutputWavPath);
            }
        }
    }
}
