using System.Text.Json;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Encoding;
using AiMastering.Engine.Mastering;
using AiMastering.Engine.Matching;
using AiMastering.Testing;
using AiMastering.Tests.Mastering;

namespace AiMastering.Tests.Matching;

/// <summary>The product's reference path, file to file: what the worker and <c>aimaster master --reference</c> deliver.</summary>
public sealed class ReferenceMasteringTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_reference_master_comes_with_every_document_and_the_three_spectra()
    {
        var mix = MusicMixes.Create(dir, "chaos_god", 44100, 2, seconds: 20, gainDb: -14);
        var reference = MusicMixes.Create(dir, "armygeddon", 48000, 2, seconds: 20, gainDb: -6);
        var output = Path.Combine(dir, "master.wav");
        string? written = null;

        var result = MasteringEngine.Master(
            new MasteringRequest { InputPath = mix, OutputWavPath = output, Reference = new ReferenceRequest(reference), JsonDirectory = dir, Observer = new MasteringCallbacks(written: path => written = path) },
            TestContext.Current.CancellationToken);

        written.ShouldBe(output);
        var master = AudioDecoder.Decode(output);
        master.SampleRate.ShouldBe(44100);
        master.Length.ShouldBe(AudioDecoder.Decode(mix).Length);
        foreach (var file in new[] { MasteringArtifacts.AnalysisFile, MasteringArtifacts.DecisionFile, MasteringArtifacts.ReportFile, MasteringArtifacts.ReferenceAnalysisFile })
        {
            File.Exists(Path.Combine(dir, file)).ShouldBeTrue(file);
        }

        // reference-analysis.json describes the reference (measured once, in parallel with the mix), not the mix.
        using var referenceJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, MasteringArtifacts.ReferenceAnalysisFile)));
        referenceJson.RootElement.GetProperty("sampleRate").GetInt32().ShouldBe(48000);
        var referenceLufs = referenceJson.RootElement.GetProperty("loudness").GetProperty("integratedLufs").GetDouble();
        referenceLufs.ShouldBe(FfmpegLoudness.Measure(reference).IntegratedLufs, 0.2);
        result.Decision.Target.Lufs.ShouldBe(referenceLufs, 0.01);

        var spectra = result.Report.Spectra!;
        spectra.Source.Count.ShouldBeGreaterThan(10);
        spectra.Reference!.Count.ShouldBeGreaterThan(10);
        spectra.Master.Count.ShouldBeGreaterThan(10);
        result.Decision.Chain[0].Processor.ShouldBe(ReferenceMatch.PreludeProcessorName);
        FfmpegLoudness.Measure(output).IntegratedLufs.ShouldBe(result.Decision.Target.Lufs, 0.3);
    }

    [Fact]
    public void A_bad_mix_and_a_bad_reference_are_each_named_and_nothing_is_written()
    {
        var mix = Path.Combine(dir, "mix.wav");
        var shortReference = Path.Combine(dir, "short.wav");
        var notes = Path.Combine(dir, "notes.wav");
        WavWriter.Write(mix, MatchSignals.Noise(44100, 8));
        WavWriter.Write(shortReference, MatchSignals.Noise(44100, 3));
        File.WriteAllText(notes, "these are my lyrics, not audio");
        var output = Path.Combine(dir, "master.wav");
        var ct = TestContext.Current.CancellationToken;

        Should.Throw<AudioDecodeException>(() => Master(notes, mix, output, ct))
            .Problem.ShouldBe(AudioProblem.NotAudio);
        Should.Throw<ReferenceTrackException>(() => Master(mix, shortReference, output, ct))
            .Problem.ShouldBe(ReferenceProblem.ReferenceTooShort);
        Should.Throw<ReferenceTrackException>(() => Master(mix, notes, output, ct))
            .Problem.ShouldBe(ReferenceProblem.ReferenceUndecodable);
        File.Exists(output).ShouldBeFalse();
    }

    private static MasteringResult Master(string mix, string reference, string output, CancellationToken ct) =>
        MasteringEngine.Master(new MasteringRequest { InputPath = mix, OutputWavPath = output, Reference = new ReferenceRequest(reference) }, ct);
}
