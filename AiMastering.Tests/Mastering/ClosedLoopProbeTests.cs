using AiMastering.Engine;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Mastering;
using AiMastering.Engine.Processing;
using AiMastering.Testing;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Mastering;

/// <summary>
/// The closed loop searches its gain on <see cref="LimiterProbe"/> windows instead of whole renders: the windows
/// must follow the whole track's loudness under heavy limiting, and loud targets on quiet, dynamic music must
/// land within the tolerance in two whole renders (it took four or five before) — measured by FFmpeg too.
/// </summary>
public sealed class ClosedLoopProbeTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("chaos_god", 48000)]
    [InlineData("internal_degeneration", 44100)]
    public void Probe_follows_the_whole_tracks_loudness_under_heavy_limiting(string song, int rate)
    {
        var mix = AudioDecoder.Decode(MusicMixes.Create(dir, song, rate, 2, startSeconds: 20, seconds: 120, gainDb: -12));
        var probe = LimiterProbe.Create(new BufferAudio(mix));
        var pre = LoudnessMeter.Measure(mix);

        // Around gains that make the limiter take 6 and 12 dB off the peaks, the loop's steps: 1 dB apart.
        foreach (var reduction in new[] { 6.0, 12.0 })
        {
            var gains = new[] { -1.0 - pre.TruePeakDbtp + reduction, -1.0 - pre.TruePeakDbtp + reduction + 1 };
            var whole = gains.Select(g => LoudnessMeter.Measure(Render(mix, g)).IntegratedLufs).ToArray();
            var windows = gains.Select(g => probe.Read(Chain(g)).IntegratedLufs).ToArray();
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{song}: {probe.Windows} windows; raw {probe.RawLufs:0.00} vs whole {pre.IntegratedLufs:0.00} LUFS; " +
                string.Join("; ", gains.Select((g, i) => $"gain {g:+0.0} → whole {whole[i]:0.00}, windows {windows[i]:0.00}")));

            // What the loop uses: the change per dB of gain (after a whole render has calibrated the probe), and — for
            // the first render only, calibrated by the pre-limiter loudness — the loss relative to the raw windows.
            (windows[1] - windows[0]).ShouldBe(whole[1] - whole[0], 0.08, $"loudness change per dB at {reduction} dB of peak reduction");
            for (var i = 0; i < gains.Length; i++)
            {
                (pre.IntegratedLufs + windows[i] - probe.RawLufs).ShouldBe(whole[i], 0.5, $"first-render estimate at {gains[i]:+0.0} dB");
            }
        }
    }

    [Theory]
    [InlineData("chaos_god", 48000, "club", "high", true)]
    [InlineData("chaos_god", 48000, "cd", "high", false)]
    [InlineData("internal_degeneration", 44100, "cd", "high", false)]
    [InlineData("armygeddon", 44100, "club", "medium", true)]
    public void Loud_target_on_quiet_music_lands_in_two_renders(string song, int rate, string preset, string intensity, bool budgetStops)
    {
        var mix = MusicMixes.Create(dir, song, rate, 2, startSeconds: 20, seconds: 120, gainDb: -18);
        var output = Path.Combine(dir, "master.wav");
        var settings = CatalogSettings.For(preset, intensity: intensity);

        var result = MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = output, Settings = settings }, TestContext.Current.CancellationToken);

        var oracle = FfmpegLoudness.Measure(output);
        var target = result.Decision.Target.Lufs;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{song} {intensity}: target {target} LUFS (requested {result.Decision.Target.RequestedLufs}); ffmpeg {oracle.IntegratedLufs} LUFS {oracle.TruePeakDbtp} dBTP; " +
            string.Join(" | ", result.Report.Iterations.Select(i => $"gain {i.GainDb:+0.00} → {i.IntegratedLufs:0.00} LUFS {i.TruePeakDbtp:0.00} dBTP")));
        result.Report.Iterations.Count.ShouldBeLessThanOrEqualTo(2, "whole renders");
        result.Decision.Rules.Any(r => r.Name == "limitingBudget").ShouldBe(budgetStops, "limiting budget stop");
        if (!budgetStops)
        {
            target.ShouldBe(settings.Target.Lufs);
        }

        result.After.Loudness.IntegratedLufs!.Value.ShouldBe(target, ClosedLoop.ToleranceLu + 0.01, "our meter");
        oracle.IntegratedLufs.ShouldBe(target, 0.3, "integrated loudness by ffmpeg");
        oracle.TruePeakDbtp.ShouldBeLessThanOrEqualTo(settings.Target.TruePeakDbtp + 0.1, "true peak by ffmpeg");
    }

    [Fact]
    public void Short_music_in_a_long_silence_still_reaches_the_target()
    {
        // Six seconds of music at the start of two minutes: the probe's windows hold only silence.
        var music = AudioDecoder.Decode(MusicMixes.Create(dir, "armygeddon", 44100, 2, startSeconds: 40, seconds: 6, gainDb: -20));
        var mix = AudioBuffer.Silent(44100, 2, 44100 * 120);
        for (var c = 0; c < 2; c++)
        {
            music.Channels[c].CopyTo(mix.Channels[c], 0);
        }

        var input = Path.Combine(dir, "sparse.wav");
        AiMastering.Engine.Encoding.WavWriter.Write(input, mix, 24);
        var output = Path.Combine(dir, "master.wav");

        var result = MasteringEngine.Master(new MasteringRequest { InputPath = input, OutputWavPath = output, Settings = CatalogSettings.For("club") }, TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(" | ", result.Report.Iterations.Select(i => $"gain {i.GainDb:+0.00} → {i.IntegratedLufs:0.00} LUFS {i.TruePeakDbtp:0.00} dBTP")));
        result.After.Loudness.IntegratedLufs!.Value.ShouldBe(result.Decision.Target.Lufs, ClosedLoop.ToleranceLu + 0.01);
        result.After.Loudness.TruePeakDbtp!.Value.ShouldBeLessThanOrEqualTo(-0.5 + ClosedLoop.PeakToleranceDb);
    }

    private static IReadOnlyList<Func<int, int, IAudioProcessor>> Chain(double gainDb) =>
    [
        (r, c) => new GainProcessor(r, c, new GainSettings(gainDb)),
        (r, c) => new TruePeakLimiter(r, c, new TruePeakLimiterSettings(CeilingDbtp: -1.0)),
    ];

    private static AudioBuffer Render(AudioBuffer mix, double gainDb)
    {
        var output = AudioBuffer.Silent(mix.SampleRate, mix.ChannelCount, mix.Length);
        ChainRenderer.Render(Chain(gainDb), mix, output);
        return output;
    }
}
