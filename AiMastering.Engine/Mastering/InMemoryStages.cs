using AiMastering.Engine.Analysis;
using AiMastering.Engine.Processing;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// The mastering stages on whole buffers: the pre-limiter chain rendered once (in the decoded buffer when
/// <c>reuseInput</c>), gain + limiter into a second buffer measured by the full analysis, dither after the loop.
/// </summary>
internal sealed class InMemoryStages : IMasteringStages
{
    private readonly AudioBuffer mix;
    private readonly bool reuseInput;
    private readonly Action<AudioBuffer>? onMasterRendered;
    private AudioBuffer? output;
    private AudioBuffer stage;
    private AudioBuffer pre;
    private IReadOnlyList<Func<int, int, IAudioProcessor>> finishing = [];
    private AudioAnalysis? loopAnalysis;
    private readonly AudioAnalysis? mixAnalysis;

    /// <param name="mixAnalysis">The mix's analysis when it was made already (while decoding); otherwise made here.</param>
    public InMemoryStages(AudioBuffer mix, bool reuseInput, Action<AudioBuffer>? onMasterRendered, AudioAnalysis? mixAnalysis = null)
    {
        this.mix = mix;
        this.reuseInput = reuseInput;
        this.onMasterRendered = onMasterRendered;
        this.mixAnalysis = mixAnalysis;
        stage = pre = mix;
    }

    public AudioBuffer? Master => output;

    private AudioBuffer Output => output ?? throw new InvalidOperationException("The loop has not rendered the master yet.");

    public AudioAnalysis AnalyzeMix() => mixAnalysis ?? Analyzer.Analyze(mix);

    public IReadOnlyList<IAudioProcessor> RenderPrelude(IReadOnlyList<Func<int, int, IAudioProcessor>> prelude)
    {
        stage = reuseInput ? mix : AudioBuffer.Silent(mix.SampleRate, mix.ChannelCount, mix.Length);
        return ChainRenderer.Render(prelude, mix, stage)[0];
    }

    public AudioAnalysis AnalyzePrelude() => Analyzer.Analyze(stage);

    public void RenderChain(IReadOnlyList<Func<int, int, IAudioProcessor>> chain)
    {
        pre = stage;
        if (chain.Count > 0)
        {
            pre = reuseInput || !ReferenceEquals(stage, mix) ? stage : AudioBuffer.Silent(mix.SampleRate, mix.ChannelCount, mix.Length);
            ChainRenderer.Render(chain, stage, pre);
        }
    }

    public IPlanarSource PreLimiter => new BufferAudio(pre);

    public LoudnessMeter.Reading MeasureChain() => LoudnessMeter.Measure(pre);

    public IReadOnlyList<IReadOnlyList<IAudioProcessor>> RenderLoop(IReadOnlyList<Func<int, int, IAudioProcessor>> chain, IReadOnlyList<Func<int, int, IAudioProcessor>> finishing)
    {
        this.finishing = finishing;
        output ??= AudioBuffer.Silent(mix.SampleRate, mix.ChannelCount, mix.Length);
        return ChainRenderer.Render(chain, pre, output);
    }

    public LoudnessMeter.Reading MeasureLoop()
    {
        // The full analysis doubles as the loop's meter: the last render's analysis is the master's.
        loopAnalysis = Analyzer.Analyze(Output);
        return LoudnessMeter.Reported(loopAnalysis);
    }

    public void Finish()
    {
        if (finishing.Count > 0)
        {
            ChainRenderer.Render(finishing, Output, Output);
            loopAnalysis = null;
        }
    }

    public AudioAnalysis AnalyzeMaster() => loopAnalysis ??= Analyzer.Analyze(Output);

    public void Deliver() => onMasterRendered?.Invoke(Output);
}
