using AiMastering.Engine.Mastering;
using AiMastering.Engine.Matching;
using AiMastering.Testing;

namespace AiMastering.Tests.Mastering;

public sealed class ReferencePreludeTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_reference_match_runs_first_sets_the_target_and_is_explained()
    {
        var mix = MusicMixes.Create(dir, "chaos_god", 48000, 2, seconds: 20, gainDb: -14);
        var reference = MusicMixes.Create(dir, "armygeddon", 48000, 2, seconds: 20, gainDb: -6);
        var output = Path.Combine(dir, "master.wav");

        var result = MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = output, JsonDirectory = dir, PreludeFor = (m, analysis) => ReferenceMatcher.Match(m, analysis, ReferenceProfile.Load(reference)).ToPrelude() }, TestContext.Current.CancellationToken);

        foreach (var rule in result.Decision.Rules)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{rule.Name} → {rule.Processor}: {rule.Reason}");
        }

        result.Decision.Chain[0].Processor.ShouldBe(ReferenceMatch.PreludeProcessorName);
        result.Decision.Rules.ShouldContain(r => r.Processor == ReferenceMatch.PreludeProcessorName);
        result.Decision.Target.Source.ShouldBe("reference");
        var oracle = FfmpegLoudness.Measure(output);
        oracle.IntegratedLufs.ShouldBe(result.Decision.Target.Lufs, 0.3);
        oracle.TruePeakDbtp.ShouldBeLessThanOrEqualTo(result.Decision.Target.TruePeakDbtp + 0.1);
    }
}
