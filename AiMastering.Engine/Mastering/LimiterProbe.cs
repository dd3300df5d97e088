using AiMastering.Engine.Analysis;
using AiMastering.Engine.Dsp;
using AiMastering.Engine.Processing;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// A cheap stand-in for a whole gain + limiter render, for the closed loop to search its gain on: evenly spaced
/// <see cref="WindowSeconds"/> windows of the pre-limiter audio (one per <see cref="SecondsPerWindow"/>, at least
/// <see cref="MinWindows"/>), each rendered by fresh processors after <see cref="WarmUpSeconds"/> of the audio before
/// it (the limiter's release settles well within that) and measured together by the BS.1770 gated loudness. What
/// the windows lose to the limiter tracks what the whole track loses, so the loop reads loudness changes from the
/// probe, calibrated by its last whole render, instead of rendering the whole track for every guess: about a
/// quarter of the work per guess. The windows are read from the source at every guess (nothing is copied to keep),
/// two at a time. Tracks under <see cref="MinTrackSeconds"/> get no probe (whole renders are cheap).
/// </summary>
internal sealed class LimiterProbe
{
    public const double WindowSeconds = 4;
    public const double WarmUpSeconds = 1;
    public const double SecondsPerWindow = 30;
    public const int MinWindows = 6;
    public const int MaxWindows = 40;
    public const double MinTrackSeconds = 90;

    private readonly IPlanarSource source;
    private readonly long[] starts;
    private readonly int window;
    private readonly int warmUp;

    private LimiterProbe(IPlanarSource source, long[] starts, int window, int warmUp)
    {
        this.source = source;
        this.starts = starts;
        this.window = window;
        this.warmUp = warmUp;
        RawLufs = Read([]).IntegratedLufs;
    }

    /// <summary>Integrated loudness of the windows as they are (no gain, no limiter).</summary>
    public double RawLufs { get; }

    /// <summary>Windows measured.</summary>
    public int Windows => starts.Length;

    /// <summary>Whether <paramref name="preLimiter"/> is long enough for a probe to save work (<see cref="MinTrackSeconds"/>).</summary>
    public static bool Worthwhile(IPlanarSource preLimiter)
    {
        ArgumentNullException.ThrowIfNull(preLimiter);
        return preLimiter.Length >= MinTrackSeconds * preLimiter.SampleRate;
    }

    /// <summary>The probe of <paramref name="preLimiter"/>, which must stay unchanged while the probe is used.</summary>
    public static LimiterProbe Create(IPlanarSource preLimiter)
    {
        ArgumentNullException.ThrowIfNull(preLimiter);
        var rate = preLimiter.SampleRate;
        var count = (int)Math.Clamp(Math.Round(preLimiter.Length / (double)rate / SecondsPerWindow), MinWindows, MaxWindows);
        var window = (int)(WindowSeconds * rate);
        var stride = preLimiter.Length / (double)count;

        // Each window centred in its stretch of the track.
        var starts = Enumerable.Range(0, count).Select(k => Math.Max(0, (long)((k + 0.5) * stride) - (window / 2))).ToArray();
        return new LimiterProbe(preLimiter, starts, window, (int)(WarmUpSeconds * rate));
    }

    /// <summary>
    /// Integrated loudness and true peak of the windows after <paramref name="chain"/> (e.g. gain + limiter), measured as
    /// one signal in order; rendered two at a time.
    /// </summary>
    public LoudnessMeter.Reading Read(IReadOnlyList<Func<int, int, IAudioProcessor>> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var rate = source.SampleRate;
        var channels = source.ChannelCount;
        var passes = new AnalysisPasses(rate, channels, (long)starts.Length * window, framePowers: false);
        var parallel = Math.Max(1, Math.Min(2, Environment.ProcessorCount));
        for (var k = 0; k < starts.Length; k += parallel)
        {
            var batch = Enumerable.Range(k, Math.Min(parallel, starts.Length - k)).ToArray();
            var rendered = new (AudioBuffer Audio, int Offset)[batch.Length];
            Parallel.For(0, batch.Length, i => rendered[i] = Render(starts[batch[i]], chain));
            foreach (var (audio, offset) in rendered)
            {
                passes.Append(new AudioBlock(audio.Channels, offset, window));
            }
        }

        return LoudnessMeter.Read(passes.Complete());
    }

    // Renders one window in place, read with its warm-up before it and the chain's latency after it (the track's
    // own samples, where the render would otherwise feed zeros); returns the audio and where the window starts in it.
    private (AudioBuffer Audio, int Offset) Render(long start, IReadOnlyList<Func<int, int, IAudioProcessor>> chain)
    {
        var rate = source.SampleRate;
        var processors = chain.Select(f => f(rate, source.ChannelCount)).ToArray();
        var latency = processors.Sum(p => p.LatencySamples);
        var from = Math.Max(0, start - warmUp);
        var before = (int)(start - from);
        var piece = new AudioBuffer(rate, [.. Enumerable.Range(0, source.ChannelCount).Select(c =>
        {
            var samples = new float[before + window + latency];
            source.Read(c, from, samples);
            return samples;
        })]);
        if (processors.Length > 0)
        {
            new ProcessorChain(rate, source.ChannelCount, processors).RenderInPlace(piece);
        }

        return (piece, before);
    }
}
