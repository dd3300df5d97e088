using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Dsp;
using AiMastering.Engine.Encoding;
using AiMastering.Engine.Matching;
using AiMastering.Engine.Processing;
using AiMastering.Engine.Streaming;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// The mastering stages of the long-track path, in bounded memory: the mix is decoded block by block into a spill
/// file while it is analyzed; the prelude and the pre-limiter chain render from spill to spill in the same segments
/// as in memory (so identically), then their output is analyzed or measured block by block; each
/// loop render streams gain + limiter from the spill straight into master.wav while measuring and analyzing the
/// master, so the master is written once when the loop converges on its first render. In memory at any time: the
/// per-10-ms statistics of one or two analyses and a few blocks of <see cref="BlockFrames"/> frames.
/// </summary>
internal sealed class SpillStages : IMasteringStages
{
    /// <summary>Frames per streamed block: a spill chunk, so every block is one read or write per channel.</summary>
    public const int BlockFrames = SpillFile.ChunkFrames;

    private readonly SpillFolder spill;
    private readonly string outputWav;
    private readonly int bitDepth;
    private readonly Action<string>? onMasterWritten;
    private readonly CancellationToken ct;
    private readonly AudioAnalysis mixAnalysis;
    private SpillFile current;
    private PassResults? currentPasses;
    private PassResults? masterPasses;
    private AudioAnalysis? masterAnalysis;
    private LoudnessMeter.Reading loopReading;

    private SpillStages(SpillFolder spill, SpillFile mix, PassResults mixPasses, AudioAnalysis mixAnalysis, string outputWav, int bitDepth, Action<string>? onMasterWritten, CancellationToken ct)
    {
        this.spill = spill;
        current = mix;
        currentPasses = mixPasses;
        this.mixAnalysis = mixAnalysis;
        this.outputWav = outputWav;
        this.bitDepth = bitDepth;
        this.onMasterWritten = onMasterWritten;
        this.ct = ct;
    }

    public AudioBuffer? Master => null;

    /// <summary>True once master.wav has been opened for writing (it is incomplete until the run succeeds).</summary>
    public bool MasterStarted { get; private set; }

    private int SampleRate => current.SampleRate;

    private int ChannelCount => current.ChannelCount;

    /// <summary>Decodes the file into a spill file, analyzing it on the way; <paramref name="decoded"/> is told the fraction read.</summary>
    public static SpillStages Decode(AudioBlockReader reader, SpillFolder spill, string outputWav, int bitDepth, Action<string>? onMasterWritten, Action<double> decoded, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(spill);
        var mix = spill.Create("mix", reader.SampleRate, reader.ChannelCount);
        var passes = new AnalysisPasses(reader.SampleRate, reader.ChannelCount, reader.Probe.Frames, framePowers: true);
        BlockPipeline.Run(
            reader.ChannelCount,
            BlockFrames,
            arrays =>
            {
                var n = reader.Read(arrays, BlockFrames);
                if (reader.Probe.Frames > 0)
                {
                    decoded(reader.Frames / (double)reader.Probe.Frames);
                }

                return n > 0 ? new AudioBlock(arrays, 0, n) : null;
            },
            block =>
            {
                passes.Append(block);
                mix.Append(block);
            },
            ct);
        var results = passes.Complete();
        return new SpillStages(spill, mix, results, Analyzer.Analyze(results, mix), outputWav, bitDepth, onMasterWritten, ct);
    }

    /// <summary>
    /// The decoded mix for a prelude builder, valid until the prelude or chain renders (its samples stay in the spill
    /// file, its statistics are dropped once the chain has used them).
    /// </summary>
    public DecodedMix DescribeMix()
    {
        var mix = current;
        var passes = currentPasses ?? throw new InvalidOperationException("The mix has been rendered over already.");
        return new DecodedMix(mix.SampleRate, mix.ChannelCount, mix.Length, frames => StereoSpectrum.Measure(passes.Frames!, mix, frames));
    }

    public AudioAnalysis AnalyzeMix() => mixAnalysis;

    public IReadOnlyList<IAudioProcessor> RenderPrelude(IReadOnlyList<Func<int, int, IAudioProcessor>> prelude)
    {
        var stage = spill.Create("prelude", SampleRate, ChannelCount, current.Length);
        var processors = ChainRenderer.Render(prelude, current, stage, BlockFrames)[0];
        Replace(stage, null);
        return processors;
    }

    public AudioAnalysis AnalyzePrelude()
    {
        currentPasses = Measure(current, framePowers: true);
        return Analyzer.Analyze(currentPasses, current);
    }

    public void RenderChain(IReadOnlyList<Func<int, int, IAudioProcessor>> chain)
    {
        if (chain.Count == 0)
        {
            return;
        }

        var pre = spill.Create("pre-limiter", SampleRate, ChannelCount, current.Length);
        ChainRenderer.Render(chain, current, pre, BlockFrames);
        Replace(pre, null);
    }

    public IPlanarSource PreLimiter => current;

    public LoudnessMeter.Reading MeasureChain()
    {
        if (currentPasses is not null)
        {
            // No chain rendered: the stage's own passes give the very numbers a second pass would.
            return LoudnessMeter.Read(currentPasses);
        }

        return LoudnessMeter.Read(Measure(current, framePowers: false));
    }

    public IReadOnlyList<IReadOnlyList<IAudioProcessor>> RenderLoop(IReadOnlyList<Func<int, int, IAudioProcessor>> chain, IReadOnlyList<Func<int, int, IAudioProcessor>> finishing)
    {
        var processors = chain.Select(f => f(SampleRate, ChannelCount)).ToArray();
        var finish = finishing.Count == 0 ? null : new ProcessorChain(SampleRate, ChannelCount, finishing.Select(f => f(SampleRate, ChannelCount)));
        if (finish is { LatencySamples: > 0 })
        {
            throw new ArgumentException("Finishing processors must not delay the signal.", nameof(finishing));
        }

        var render = new AlignedRender(current, processors);
        var analysis = new AnalysisPasses(SampleRate, ChannelCount, current.Length, framePowers: true);

        // The loop measures the master before finishing (dither), as in memory; without finishing the analysis's own passes do,
        // rounded as the analysis reports them (in memory the loop's meter is the full analysis).
        var loudness = finish is null ? null : new AnalysisPasses(SampleRate, ChannelCount, current.Length, framePowers: false);
        MasterStarted = true;
        using (var wav = new WavBlockWriter(outputWav, SampleRate, ChannelCount, current.Length, bitDepth))
        {
            BlockPipeline.Run(
                ChannelCount,
                BlockFrames,
                render.Next,
                block =>
                {
                    loudness?.Append(block);
                    finish?.Process(block);
                    analysis.Append(block);
                    wav.Write(block);
                },
                ct);
            wav.Complete();
        }

        masterPasses = analysis.Complete();
        masterAnalysis = null;
        loopReading = LoudnessMeter.Read(loudness?.Complete() ?? masterPasses).AsReported();
        return [processors];
    }

    public LoudnessMeter.Reading MeasureLoop() => loopReading;

    /// <summary>Nothing left to do: the finishing processors ran as the master was written.</summary>
    public void Finish()
    {
    }

    public AudioAnalysis AnalyzeMaster()
    {
        if (masterAnalysis is null)
        {
            // The spectrum frames come from the written file: for 24-bit, the analyzed samples quantised to 24 bits.
            using var wav = new WavFileAudio(outputWav);
            masterAnalysis = Analyzer.Analyze(masterPasses ?? throw new InvalidOperationException("The loop has not rendered the master yet."), wav);
        }

        return masterAnalysis;
    }

    public void Deliver()
    {
        spill.Release(current);
        currentPasses = null;
        onMasterWritten?.Invoke(outputWav);
    }

    // The analysis passes over a spill file (read on one thread, measured on another).
    private PassResults Measure(SpillFile file, bool framePowers)
    {
        var passes = new AnalysisPasses(SampleRate, ChannelCount, file.Length, framePowers);
        BlockPipeline.Run(ChannelCount, BlockFrames, ReadBlocks(file), passes.Append, ct);
        return passes.Complete();
    }

    private static Func<float[][], AudioBlock?> ReadBlocks(SpillFile file)
    {
        long position = 0;
        return arrays =>
        {
            var n = (int)Math.Min(arrays[0].Length, file.Length - position);
            if (n <= 0)
            {
                return null;
            }

            file.Read(position, arrays, n);
            position += n;
            return new AudioBlock(arrays, 0, n);
        };
    }

    // The new stage replaces the old one, whose spill file is deleted at once (disk holds at most two at a time).
    private void Replace(SpillFile next, PassResults? passes)
    {
        spill.Release(current);
        current = next;
        currentPasses = passes;
    }
}
