using System.Runtime.ExceptionServices;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Matching;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// One file-to-file run as <see cref="MasteringEngine.Master(MasteringRequest, CancellationToken)"/> prepared it for
/// the in-memory or the long-track path: validated settings, the header read once, the progress sink and the reference
/// step (if any) whose measurement runs alongside the mix's decode.
/// </summary>
internal sealed record FileRun(
    MasteringRequest Request,
    MasteringSettings Settings,
    AudioProbeResult Probe,
    StageReporter Progress,
    ReferenceStep? Reference,
    CancellationToken Ct)
{
    /// <summary>Runs <paramref name="decode"/> and, with a reference, its measurement in parallel; the mix's own problems are reported first.</summary>
    public void DecodeAlongsideReference(Action decode)
    {
        if (Reference is null)
        {
            decode();
            return;
        }

        try
        {
            Parallel.Invoke(new ParallelOptions { CancellationToken = Ct }, decode, Reference.Measure);
        }
        catch (AggregateException e)
        {
            var first = e.InnerExceptions.FirstOrDefault(x => x is not ReferenceTrackException) ?? e.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(first).Throw();
            throw;
        }
    }

    /// <summary>Builds the prelude from the mix and its analysis: the reference match, or the request's own builder.</summary>
    public Func<AudioAnalysis, ChainPrelude?>? PreludeOf(DecodedMix mix) =>
        Reference is not null ? analysis => Reference.Prelude(mix, analysis)
        : Request.PreludeFor is { } preludeFor ? analysis => preludeFor(mix, analysis)
        : null;

    /// <summary>Tells the observer the master is rendered, with the ceiling it was made for (the reference's, when matched).</summary>
    public void MasterRendered(AudioBuffer master) =>
        Request.Observer?.MasterRendered(master, Reference?.Match?.CeilingDbtp ?? Settings.Target.TruePeakDbtp);

    public void MasterWritten(string path) => Request.Observer?.MasterWritten(path);
}
