using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Encoding;
using AiMastering.Engine.Matching;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// The file-to-file run for tracks that fit in memory: decoded into one buffer (the mix's analysis overlapping the
/// decode), mastered in that buffer (less memory than <see cref="MasteringEngine.Master(AudioBuffer, MasteringSettings, ChainPrelude?, CancellationToken)"/>);
/// the observer gets the final master just before master.wav is written, then its path.
/// </summary>
internal static class InMemoryMastering
{
    public static MasteringResult Master(FileRun run)
    {
        var request = run.Request;
        var frames = run.Probe.Frames;
        using var overlapped = new OverlappedAnalysis();
        AudioBuffer? decoded = null;
        run.DecodeAlongsideReference(() => decoded = AudioDecoder.Decode(request.InputPath, run.Probe, (sampleRate, channels, start, count) =>
        {
            overlapped.Decoded(sampleRate, channels, start, count);
            if (frames > 0)
            {
                run.Progress.Report(MasteringStage.Decoding, (start + count) / (double)frames);
            }
        }));
        var mix = decoded!;
        run.Progress.Start(MasteringStage.Analyzing);
        var mixAnalysis = overlapped.Complete(mix);
        var stages = new InMemoryStages(mix, reuseInput: true, master =>
        {
            run.MasterRendered(master);
            run.Progress.Start(MasteringStage.Writing);
            WavWriter.Write(request.OutputWavPath, master, run.Settings.BitDepth, dither: false);
            run.MasterWritten(request.OutputWavPath);
        }, mixAnalysis);
        return MasteringPipeline.Run(stages, run.Settings, run.PreludeOf(new DecodedMix(mix)), run.Progress, run.Ct);
    }
}
