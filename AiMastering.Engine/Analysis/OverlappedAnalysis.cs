using AiMastering.Engine.Dsp;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// The full analysis of a signal fed while it is being decoded: the per-sample passes (<see cref="AnalysisPasses"/>:
/// K-weighting, peaks, true peak) run on stretches of at least <see cref="StretchFrames"/> frames on a worker thread as the
/// decoder delivers them, so the analysis of the start of a file overlaps the decoding of its end; the spectrum is
/// measured when the whole signal is there, alongside the last passes. The passes give the same numbers whatever the
/// block sizes, so the result equals <see cref="Analyzer.Analyze(AudioBuffer)"/> of the decoded buffer.
/// </summary>
internal sealed class OverlappedAnalysis : IDisposable
{
    /// <summary>Frames gathered before a stretch is handed to the passes (about 1.4 s at 48 kHz).</summary>
    public const int StretchFrames = 65536;

    private AnalysisPasses? passes;
    private Task pending = Task.CompletedTask;
    private float[][] arrays = [];
    private int handed;
    private int available;

    /// <summary>The decoder's callback (<c>AudioDecoder.Decode(path, decoded)</c>): frames [start, start + count) are ready.</summary>
    public void Decoded(int sampleRate, float[][] channels, int start, int count)
    {
        passes ??= new AnalysisPasses(sampleRate, channels.Length, 0, framePowers: false);
        arrays = channels;
        available = start + count;
        if (available - handed >= StretchFrames)
        {
            Hand();
        }
    }

    /// <summary>Waits for the passes, measures the spectrum of <paramref name="audio"/> (the decoded buffer) and summarizes.</summary>
    public AudioAnalysis Complete(AudioBuffer audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        if (passes is null || audio.Length != available)
        {
            throw new InvalidOperationException("The analysis was not fed the whole decoded signal.");
        }

        Hand();
        return Analyzer.Analyze(audio, passes, () => pending.GetAwaiter().GetResult());
    }

    /// <summary>Lets a stretch still running finish (a failed decode must not leave work behind); its errors are not rethrown.</summary>
    public void Dispose()
    {
        try
        {
            pending.Wait();
        }
        catch (AggregateException)
        {
            // The decode failed, or Complete already surfaced the error.
        }
    }

    private void Hand()
    {
        if (available == handed)
        {
            return;
        }

        var block = new AudioBlock(arrays, handed, available - handed);
        var target = passes!;
        pending = pending.ContinueWith(
            previous =>
            {
                previous.GetAwaiter().GetResult();
                target.Append(block);
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
        handed = available;
    }
}
