using AiMastering.Engine.Analysis;
using AiMastering.Engine.Processing;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// The audio work of one mastering run, done in memory (<see cref="InMemoryStages"/>) or block by block on spill
/// files (<see cref="SpillStages"/>, long tracks). <see cref="MasteringPipeline"/> calls them in this order and makes
/// every decision, so both paths decide and document alike.
/// </summary>
internal interface IMasteringStages
{
    /// <summary>The analysis of the mix.</summary>
    AudioAnalysis AnalyzeMix();

    /// <summary>
    /// Renders the prelude over the mix (its output becomes the stage the chain reads), in segments like the chain;
    /// returns the first segment's processors (for their names and types in decision.json).
    /// </summary>
    IReadOnlyList<IAudioProcessor> RenderPrelude(IReadOnlyList<Func<int, int, IAudioProcessor>> prelude);

    /// <summary>The analysis of the prelude's output (what the rules see).</summary>
    AudioAnalysis AnalyzePrelude();

    /// <summary>Renders the pre-limiter chain (if any) over the stage.</summary>
    void RenderChain(IReadOnlyList<Func<int, int, IAudioProcessor>> chain);

    /// <summary>The pre-limiter audio the loop renders from (valid until <see cref="Deliver"/>).</summary>
    IPlanarSource PreLimiter { get; }

    /// <summary>Loudness and true peak of the pre-limiter audio (<see cref="LoudnessMeter"/>, unrounded).</summary>
    LoudnessMeter.Reading MeasureChain();

    /// <summary>
    /// Renders <paramref name="chain"/> (gain + limiter) over the pre-limiter audio into the master and returns the
    /// processor instances (per segment). <paramref name="finishing"/> (dither) comes after the loop's measurement:
    /// in <see cref="Finish"/>, or in the same pass when the master is written as it is rendered.
    /// </summary>
    IReadOnlyList<IReadOnlyList<IAudioProcessor>> RenderLoop(IReadOnlyList<Func<int, int, IAudioProcessor>> chain, IReadOnlyList<Func<int, int, IAudioProcessor>> finishing);

    /// <summary>
    /// The last render's loudness and true peak before finishing, as the master's analysis reports them (0.01 dB):
    /// the closed loop's meter is the full analysis, whose last run is the master's.
    /// </summary>
    LoudnessMeter.Reading MeasureLoop();

    /// <summary>Applies the finishing processors to the final master (if not done while rendering).</summary>
    void Finish();

    /// <summary>The analysis of the finished master.</summary>
    AudioAnalysis AnalyzeMaster();

    /// <summary>Hands the finished master over (callbacks: rendered buffer, written file).</summary>
    void Deliver();

    /// <summary>The master in memory, or null when it exists only as the written file.</summary>
    AudioBuffer? Master { get; }
}
