using System.Text.Json;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Mastering;
using AiMastering.Testing;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Mastering;

/// <summary>What a musician would notice: a finished master is left alone, a quiet mix gets loud without overs,
/// an over-loud clipped mix is not squashed further and is warned about, and every move is explained.</summary>
public sealed class MasteringBehaviourTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_mix_already_at_the_target_passes_nearly_untouched()
    {
        // A finished streaming master (our own, verified above) is a mix already at the target.
        var mix = MusicMixes.Create(dir, "chaos_god", 48000, 2, gainDb: -12);
        var first = MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = Path.Combine(dir, "first.wav") }, TestContext.Current.CancellationToken);
        var second = MasteringEngine.Master(first.Master.ShouldNotBeNull(), MasteringSettings.Default, ct: TestContext.Current.CancellationToken);

        Log(second);
        foreach (var (b, a) in second.Before.Spectrum.Bands.Zip(second.After.Spectrum.Bands))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{b.Name}: {b.LevelDb:0.00} → {a.LevelDb:0.00} dB");
            a.LevelDb!.Value.ShouldBe(b.LevelDb!.Value, 1.0, b.Name);
        }

        second.After.Loudness.IntegratedLufs!.Value.ShouldBe(-14, 0.2);
        second.Decision.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void A_quiet_mix_at_minus_30_LUFS_reaches_the_target_without_true_peak_overs()
    {
        var probe = MusicMixes.Create(dir, "internal_degeneration", 44100, 2, gainDb: -20);
        var level = FfmpegLoudness.Measure(probe).IntegratedLufs;
        var mix = MusicMixes.Create(dir, "internal_degeneration", 44100, 2, gainDb: -20 + (-30 - level));
        FfmpegLoudness.Measure(mix).IntegratedLufs.ShouldBe(-30, 0.3);
        var output = Path.Combine(dir, "master.wav");

        var result = MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = output }, TestContext.Current.CancellationToken);

        Log(result);
        var oracle = FfmpegLoudness.Measure(output);
        oracle.IntegratedLufs.ShouldBe(-14, 0.3);
        oracle.TruePeakDbtp.ShouldBeLessThanOrEqualTo(-1.0 + 0.1);
        result.After.Problems.ShouldNotContain(p => p.Code == Engine.Analysis.ProblemCode.InterSampleOvers || p.Code == Engine.Analysis.ProblemCode.Clipping);
    }

    [Fact]
    public void An_over_loud_clipped_mix_gets_no_extra_limiting_and_a_warning()
    {
        var mix = MusicMixes.Create(dir, "armygeddon", 48000, 2, gainDb: 4, codec: "pcm_s16le");
        var output = Path.Combine(dir, "master.wav");

        var result = MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = output, JsonDirectory = dir }, TestContext.Current.CancellationToken);

        Log(result);
        result.Before.Problems.ShouldContain(p => p.Code == Engine.Analysis.ProblemCode.Clipping);
        var limiter = result.Decision.Rules.Single(r => r.Name == "truePeakCeiling");
        limiter.Inputs["maxGainReductionDb"].ShouldBeLessThan(0.5, "no extra limiting");
        result.Decision.Rules.ShouldContain(r => r.Name == "alreadyLoud");
        result.Decision.Warnings.ShouldNotBeEmpty();
        result.Decision.Chain.ShouldNotContain(s => s.Processor == "multibandCompressor" || s.Processor == "glueCompressor");
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, MasteringArtifacts.DecisionFile)));
        json.RootElement.GetProperty("warnings").GetArrayLength().ShouldBeGreaterThan(0);
        FfmpegLoudness.Measure(output).TruePeakDbtp.ShouldBeLessThanOrEqualTo(-0.9);
    }

    [Theory]
    [InlineData("warm", "high", 16, true)]
    [InlineData("bright", "low", 24, true)]
    [InlineData("balanced", "medium", 24, false)]
    public void Every_processor_has_a_reason_and_every_reason_names_a_processor_that_ran(string style, string intensity, int bitDepth, bool width)
    {
        var mix = MusicMixes.Create(dir, "mutilated_mime", 44100, 2, gainDb: -14, seconds: 15);
        var settings = CatalogSettings.For("club", style, intensity, bitDepth, width);

        var result = MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = Path.Combine(dir, "master.wav"), Settings = settings, JsonDirectory = dir }, TestContext.Current.CancellationToken);

        Log(result);
        using var decision = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, MasteringArtifacts.DecisionFile)));
        var root = decision.RootElement;
        root.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        var chain = root.GetProperty("chain").EnumerateArray().Select(s => s.GetProperty("processor").GetString()!).ToList();
        var rules = root.GetProperty("rules").EnumerateArray().ToList();
        chain.ShouldContain("gain");
        chain.ShouldContain("limiter");
        foreach (var step in chain)
        {
            rules.ShouldContain(r => r.GetProperty("processor").GetString() == step && r.GetProperty("reason").GetString()!.Length > 20, $"processor {step} has no reason");
        }

        foreach (var rule in rules)
        {
            chain.ShouldContain(rule.GetProperty("processor").GetString()!, $"rule {rule.GetProperty("name").GetString()} names a processor that did not run");
        }

        (chain[^1] == "dither").ShouldBe(bitDepth == 16);
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, MasteringArtifacts.ReportFile))).RootElement;
        report.GetProperty("explanation").GetArrayLength().ShouldBeGreaterThan(1);
        report.GetProperty("iterations").GetArrayLength().ShouldBeGreaterThan(0);
        report.GetProperty("spectra").GetProperty("master").GetArrayLength().ShouldBeGreaterThan(10);
        File.Exists(Path.Combine(dir, MasteringArtifacts.AnalysisFile)).ShouldBeTrue();
    }

    [Fact]
    public void The_chain_is_deterministic()
    {
        var mix = AudioDecoder.Decode(MusicMixes.Create(dir, "chaos_god", 44100, 2, gainDb: -12, seconds: 10));
        var a = MasteringEngine.Master(mix, MasteringSettings.Default, ct: TestContext.Current.CancellationToken);
        var b = MasteringEngine.Master(mix, MasteringSettings.Default, ct: TestContext.Current.CancellationToken);

        for (var c = 0; c < mix.ChannelCount; c++)
        {
            a.Master.ShouldNotBeNull().Channels[c].AsSpan().SequenceEqual(b.Master.ShouldNotBeNull().Channels[c]).ShouldBeTrue();
        }

        JsonSerializer.Serialize(a.Decision, MasteringJsonContext.Default.DecisionDocument)
            .ShouldBe(JsonSerializer.Serialize(b.Decision, MasteringJsonContext.Default.DecisionDocument));
    }

    [Fact]
    public void The_mix_buffer_is_left_unchanged()
    {
        var mix = TestAudioFiles.Music(48000, 5);
        var copy = mix.Channels.Select(c => c.ToArray()).ToArray();
        var result = MasteringEngine.Master(mix, MasteringSettings.Default, ct: TestContext.Current.CancellationToken);
        result.Master.ShouldNotBeNull().Length.ShouldBe(mix.Length);
        for (var c = 0; c < copy.Length; c++)
        {
            mix.Channels[c].AsSpan().SequenceEqual(copy[c]).ShouldBeTrue();
        }
    }

    private static void Log(MasteringResult result)
    {
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"before {result.Before.Loudness.IntegratedLufs:0.00} LUFS {result.Before.Loudness.TruePeakDbtp:0.00} dBTP → after {result.After.Loudness.IntegratedLufs:0.00} LUFS {result.After.Loudness.TruePeakDbtp:0.00} dBTP");
        foreach (var rule in result.Decision.Rules)
        {
            output?.WriteLine($"  {rule.Name} → {rule.Processor}: {rule.Reason}");
        }

        foreach (var w in result.Decision.Warnings)
        {
            output?.WriteLine($"  warning: {w}");
        }

        foreach (var p in result.Report.Explanation)
        {
            output?.WriteLine($"  | {p}");
        }
    }
}
