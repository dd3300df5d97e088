using System.Text.Json.Nodes;
using AiMastering.Engine;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Mastering;
using AiMastering.Engine.Matching;
using AiMastering.Testing;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Mastering;

/// <summary>
/// Long tracks are mastered block by block through spill files instead of in memory. Forced onto short real mixes,
/// that path must make the in-memory path's decisions and give its master (to well under what anyone could hear),
/// with the mix's exact length and alignment, and leave no temporary files behind, whatever happens.
/// </summary>
public sealed class LongTrackPathTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public LongTrackPathTests() => Directory.CreateDirectory(SpillRoot);

    private string SpillRoot => Path.Combine(dir, "spill");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("chaos_god", 48000, 2, -12.0, 24, 40, "streaming")] // two render segments in memory: the spill render segments alike
    [InlineData("mutilated_mime", 44100, 1, -12.0, 24, 25, "streaming")]
    [InlineData("armygeddon", 44100, 2, -20.0, 16, 25, "streaming")] // dithered 16-bit
    [InlineData("chaos_god", 44100, 2, -18.0, 24, 100, "club")] // heavy limiting: the loop's probe reads its windows from the spill file
    public void The_long_track_path_decides_and_masters_like_the_in_memory_path(string song, int rate, int channels, double gainDb, int bitDepth, double seconds, string preset)
    {
        var mix = MusicMixes.Create(dir, song, rate, channels, seconds: seconds, gainDb: gainDb);
        var settings = CatalogSettings.For(preset) with { BitDepth = bitDepth };
        var inMemory = MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = Path.Combine(dir, "memory.wav"), Settings = settings }, TestContext.Current.CancellationToken);
        var written = new List<string>();

        var longTrack = MasterLongTrack(mix, Path.Combine(dir, "long.wav"), settings, onMasterWritten: written.Add);

        longTrack.Master.ShouldBeNull("the long-track path holds no master in memory");
        written.ShouldBe([Path.Combine(dir, "long.wav")]);
        SameDecisions(longTrack.Decision, inMemory.Decision);
        longTrack.Report.Iterations.Count.ShouldBe(inMemory.Report.Iterations.Count, "the same number of renders");
        foreach (var (l, m) in longTrack.Report.Iterations.Zip(inMemory.Report.Iterations))
        {
            l.GainDb.ShouldBe(m.GainDb, 0.011, "the same gains (the probe reads the same windows from the spill file)");
            l.IntegratedLufs.ShouldBe(m.IntegratedLufs, 0.02);
        }

        longTrack.After.Loudness.IntegratedLufs!.Value.ShouldBe(inMemory.After.Loudness.IntegratedLufs!.Value, 0.05);
        longTrack.After.Loudness.TruePeakDbtp!.Value.ShouldBe(inMemory.After.Loudness.TruePeakDbtp!.Value, 0.05);
        longTrack.Before.ShouldBeEquivalentTo(inMemory.Before);

        var input = AudioDecoder.Decode(mix);
        var expected = AudioDecoder.Decode(Path.Combine(dir, "memory.wav"));
        var master = AudioDecoder.Decode(Path.Combine(dir, "long.wav"));
        master.SampleRate.ShouldBe(rate);
        master.ChannelCount.ShouldBe(channels);
        master.Length.ShouldBe(input.Length);
        for (var c = 0; c < channels; c++)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"channel {c}: max |long − in memory| = {MaxDifference(master.Channels[c], expected.Channels[c]):g3}; " +
                $"{longTrack.After.Loudness.IntegratedLufs} vs {inMemory.After.Loudness.IntegratedLufs} LUFS; decision identical: " +
                $"{Json(longTrack.Decision) == Json(inMemory.Decision)}; master analysis identical: {Json(longTrack.After) == Json(inMemory.After)}");
            MaxDifference(master.Channels[c], expected.Channels[c]).ShouldBeLessThan(1e-3f, $"channel {c}");
            var from = rate * 10;
            CrossCorrelation.PeakLag(
                MasteringRealMusicTests.Difference(input.Channels[c], from, rate),
                MasteringRealMusicTests.Difference(master.Channels[c], from, rate),
                48).ShouldBe(0, $"channel {c} aligned with the mix");
        }

        Directory.EnumerateFileSystemEntries(SpillRoot).ShouldBeEmpty("spill files are deleted after success");
    }

    [Fact]
    public void A_reference_match_prelude_runs_on_the_long_track_path_too()
    {
        var mix = MusicMixes.Create(dir, "chaos_god", 48000, 2, seconds: 20, gainDb: -14);
        var reference = ReferenceProfile.Load(MusicMixes.Create(dir, "armygeddon", 48000, 2, seconds: 20, gainDb: -6));
        var matches = new List<ReferenceMatch>();
        ChainPrelude Prelude(DecodedMix m, Engine.Analysis.AudioAnalysis analysis)
        {
            var match = ReferenceMatcher.Match(m, analysis, reference);
            matches.Add(match);
            return match.ToPrelude();
        }

        var inMemory = MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = Path.Combine(dir, "memory.wav"), PreludeFor = Prelude }, TestContext.Current.CancellationToken);

        var longTrack = MasterLongTrack(mix, Path.Combine(dir, "long.wav"), MasteringSettings.Default, preludeFor: Prelude);

        // The mix's spectra, read back from its spill file, give the very match curves of the mix in memory.
        matches[1].EqCurveDb.ShouldBe(matches[0].EqCurveDb);
        longTrack.Decision.Chain[0].Processor.ShouldBe(ReferenceMatch.PreludeProcessorName);
        SameDecisions(longTrack.Decision, inMemory.Decision);
        longTrack.Report.Iterations.Count.ShouldBe(inMemory.Report.Iterations.Count, "the same number of renders");
        foreach (var (l, m) in longTrack.Report.Iterations.Zip(inMemory.Report.Iterations))
        {
            l.GainDb.ShouldBe(m.GainDb, 0.011, "the same gains (the probe reads the same windows from the spill file)");
            l.IntegratedLufs.ShouldBe(m.IntegratedLufs, 0.02);
        }

        var expected = AudioDecoder.Decode(Path.Combine(dir, "memory.wav"));
        var master = AudioDecoder.Decode(Path.Combine(dir, "long.wav"));
        master.Length.ShouldBe(expected.Length);
        for (var c = 0; c < 2; c++)
        {
            MaxDifference(master.Channels[c], expected.Channels[c]).ShouldBeLessThan(1e-3f, $"channel {c}");
        }

        // The report's tonal-balance curve of the master, measured from the file on the long-track path.
        var fromFile = matches[1].Spectra(Path.Combine(dir, "long.wav"), TestContext.Current.CancellationToken).Master;
        var fromBuffer = matches[0].Spectra(expected).Master;
        fromFile.Zip(fromBuffer).ShouldAllBe(p => Math.Abs(p.First.Db - p.Second.Db) < 0.05);
    }

    [Fact]
    public void Bad_audio_is_refused_with_the_same_problem_and_leaves_no_spill_files()
    {
        var path = Path.Combine(dir, "silent.wav");
        TestAudioFiles.WriteWav(path, AudioBuffer.Silent(44100, 2, 44100 * 3), 24, false);

        var error = Should.Throw<AudioDecodeException>(() => MasterLongTrack(path, Path.Combine(dir, "long.wav"), MasteringSettings.Default));

        error.Problem.ShouldBe(AudioProblem.Silent);
        Directory.EnumerateFileSystemEntries(SpillRoot).ShouldBeEmpty();
        File.Exists(Path.Combine(dir, "long.wav")).ShouldBeFalse();
    }

    [Fact]
    public void A_cancelled_run_leaves_no_spill_files()
    {
        var mix = MusicMixes.Create(dir, "chaos_god", 44100, 2, seconds: 20, gainDb: -12);
        using var cancel = new CancellationTokenSource();
        var sawSpill = false;
        var progress = new Inline(stage =>
        {
            if (stage.Stage == MasteringStage.Rendering)
            {
                sawSpill = Directory.EnumerateFiles(SpillRoot, "*", SearchOption.AllDirectories).Any();
                cancel.Cancel();
            }
        });

        Should.Throw<OperationCanceledException>(() => MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = Path.Combine(dir, "long.wav"), TempFolder = SpillRoot, Progress = progress, LongTrackBytes = 0 }, cancel.Token));

        sawSpill.ShouldBeTrue("the mix was spilled before the cancellation");
        Directory.EnumerateFileSystemEntries(SpillRoot).ShouldBeEmpty();
        File.Exists(Path.Combine(dir, "long.wav")).ShouldBeFalse();
    }

    [Fact]
    public void A_run_that_fails_after_writing_removes_the_unfinished_master_and_the_spill_files()
    {
        var mix = MusicMixes.Create(dir, "mutilated_mime", 44100, 2, seconds: 15, gainDb: -12);

        Should.Throw<IOException>(() => MasterLongTrack(mix, Path.Combine(dir, "long.wav"), MasteringSettings.Default,
            onMasterWritten: _ => throw new IOException("the preview encoder could not start")));

        Directory.EnumerateFileSystemEntries(SpillRoot).ShouldBeEmpty();
        File.Exists(Path.Combine(dir, "long.wav")).ShouldBeFalse();
    }

    private MasteringResult MasterLongTrack(string input, string output, MasteringSettings settings, Action<string>? onMasterWritten = null, Func<DecodedMix, Engine.Analysis.AudioAnalysis, ChainPrelude?>? preludeFor = null) =>
        MasteringEngine.Master(new MasteringRequest { InputPath = input, OutputWavPath = output, Settings = settings, TempFolder = SpillRoot, PreludeFor = preludeFor, LongTrackBytes = 0, Observer = new MasteringCallbacks(written: onMasterWritten) }, TestContext.Current.CancellationToken);

    // Same rules, for the same processors, on the same measured inputs; the same chain with the same settings. The loop's
    // own measurements may differ in the last printed digit (the in-memory render is segmented for clips over 30 s; each
    // segment's limiter meters only its own frames, so the average gain reduction is over the same frames as one pass).
    private static void SameDecisions(DecisionDocument actual, DecisionDocument expected)
    {
        actual.Rules.Select(r => (r.Name, r.Processor)).ShouldBe(expected.Rules.Select(r => (r.Name, r.Processor)));
        foreach (var (a, e) in actual.Rules.Zip(expected.Rules))
        {
            a.Inputs.Keys.ShouldBe(e.Inputs.Keys, a.Name);
            foreach (var (key, value) in e.Inputs)
            {
                a.Inputs[key].ShouldBe(value, 0.011, $"{a.Name}.{key}");
            }
        }

        actual.Chain.Select(s => (s.Processor, s.Type)).ShouldBe(expected.Chain.Select(s => (s.Processor, s.Type)));
        foreach (var (a, e) in actual.Chain.Zip(expected.Chain))
        {
            Close(a.Settings, e.Settings, a.Processor);
        }

        actual.Target.ShouldBe(expected.Target);
    }

    private static void Close(JsonNode? actual, JsonNode? expected, string where)
    {
        switch (expected)
        {
            case JsonObject o:
                var other = actual.ShouldBeOfType<JsonObject>(where);
                other.Select(p => p.Key).ShouldBe(o.Select(p => p.Key), where);
                foreach (var (key, value) in o)
                {
                    Close(other[key], value, $"{where}.{key}");
                }

                break;
            case JsonArray array:
                var items = actual.ShouldBeOfType<JsonArray>(where);
                items.Count.ShouldBe(array.Count, where);
                for (var i = 0; i < array.Count; i++)
                {
                    Close(items[i], array[i], $"{where}[{i}]");
                }

                break;
            case JsonValue v when v.TryGetValue<double>(out var number):
                actual!.GetValue<double>().ShouldBe(number, 0.011, where);
                break;
            default:
                actual?.ToJsonString().ShouldBe(expected?.ToJsonString(), where);
                break;
        }
    }

    private static string Json(DecisionDocument d) => System.Text.Json.JsonSerializer.Serialize(d, MasteringJsonContext.Default.DecisionDocument);

    private static string Json(Engine.Analysis.AudioAnalysis a) => System.Text.Json.JsonSerializer.Serialize(a, Engine.Analysis.EngineJsonContext.Default.AudioAnalysis);

    private static float MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();

    private sealed class Inline(Action<MasteringProgress> report) : IProgress<MasteringProgress>
    {
        public void Report(MasteringProgress value) => report(value);
    }
}
