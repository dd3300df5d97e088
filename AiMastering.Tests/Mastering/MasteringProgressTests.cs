using AiMastering.Engine.Mastering;
using AiMastering.Testing;

namespace AiMastering.Tests.Mastering;

/// <summary>The engine's progress names the stages it really runs, in order, and reaches the end; reporting it changes nothing in the master.</summary>
public sealed class MasteringProgressTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_reference_run_reports_each_stage_in_order_and_ends_at_one()
    {
        var mix = MusicMixes.Create(dir, "chaos_god", 44100, 2, seconds: 12, gainDb: -14);
        var reference = MusicMixes.Create(dir, "armygeddon", 44100, 2, seconds: 12, gainDb: -6);
        var reports = new List<MasteringProgress>();

        MasteringEngine.Master(
            new MasteringRequest { InputPath = mix, OutputWavPath = Path.Combine(dir, "master.wav"), Reference = new ReferenceRequest(reference), Progress = new Collect(reports) },
            TestContext.Current.CancellationToken);

        reports.Select(r => r.Stage).Distinct().ShouldBe(Enum.GetValues<MasteringStage>());
        reports.Select(r => (int)r.Stage).ShouldBeInOrder();
        reports.Select(r => r.Overall).ShouldBeInOrder();
        reports.ShouldAllBe(r => r.Fraction >= 0 && r.Fraction <= 1);
        reports.Count(r => r.Stage == MasteringStage.Decoding && r.Fraction is > 0 and < 1).ShouldBeGreaterThan(0, "the decode reports how far it is");
        reports[^1].Overall.ShouldBe(1);
    }

    [Fact]
    public void Progress_leaves_the_master_unchanged()
    {
        var mix = MusicMixes.Create(dir, "mutilated_mime", 48000, 2, seconds: 10, gainDb: -12);
        var ct = TestContext.Current.CancellationToken;

        MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = Path.Combine(dir, "quiet.wav") }, ct);
        MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = Path.Combine(dir, "told.wav"), Progress = new Collect([]) }, ct);

        File.ReadAllBytes(Path.Combine(dir, "told.wav")).ShouldBe(File.ReadAllBytes(Path.Combine(dir, "quiet.wav")));
    }

    // Synchronous, unlike Progress<T>: every report is kept, in the order the engine made it.
    private sealed class Collect(List<MasteringProgress> reports) : IProgress<MasteringProgress>
    {
        public void Report(MasteringProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
