using System.Text.Json;
using AiMastering.Cli;
using AiMastering.Engine.Analysis;
using AiMastering.Testing;

namespace AiMastering.UnitTests.Analysis;

public sealed class AnalyzeCliTests : IDisposable
{
    private readonly string dir = TestAudioFiles.NewDirectory();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Analyze_prints_a_human_summary()
    {
        var path = WriteSine();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = CliApp.Run(["analyze", path], output, error);

        code.ShouldBe(0, error.ToString());
        var text = output.ToString();
        text.ShouldContain("Integrated      -23.0 LUFS");
        text.ShouldContain("Loudness range");
        text.ShouldContain("True peak");
        text.ShouldContain("PLR");
        text.ShouldContain("DR");
        text.ShouldContain("lowMids");
        text.ShouldContain("Correlation     1.00");
        text.ShouldContain("Problems");
    }

    [Fact]
    public void Analyze_json_prints_versioned_camel_case_analysis()
    {
        var path = WriteSine();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = CliApp.Run(["analyze", path, "--json"], output, error);

        code.ShouldBe(0, error.ToString());
        using var doc = JsonDocument.Parse(output.ToString());
        var root = doc.RootElement;
        root.GetProperty("schemaVersion").GetInt32().ShouldBe(AudioAnalysis.CurrentSchemaVersion);
        root.GetProperty("sampleRate").GetInt32().ShouldBe(48000);
        root.GetProperty("loudness").GetProperty("integratedLufs").GetDouble().ShouldBe(-23.0, 0.1);
        root.GetProperty("spectrum").GetProperty("bands").GetArrayLength().ShouldBe(5);
        root.GetProperty("series").GetProperty("waveform").GetProperty("min").GetArrayLength().ShouldBeGreaterThan(100);
        var momentary = root.GetProperty("series").GetProperty("momentary").GetProperty("valuesLufs");
        momentary.GetArrayLength().ShouldBe(47); // 0.4 s .. 5.0 s every 100 ms
        momentary[20].GetDouble().ShouldBe(-23.0, 0.1);
        root.GetProperty("series").GetProperty("shortTerm").GetProperty("valuesLufs").GetArrayLength().ShouldBe(21);
        root.GetProperty("stereo").GetProperty("sideToMidDb").ValueKind.ShouldBe(JsonValueKind.Null);
        var roundTrip = JsonSerializer.Deserialize(output.ToString(), EngineJsonContext.Default.AudioAnalysis);
        roundTrip!.Loudness.IntegratedLufs.ShouldBe(root.GetProperty("loudness").GetProperty("integratedLufs").GetDouble());
    }

    [Fact]
    public void Analyze_reports_unusable_audio_with_its_problem_code()
    {
        var path = Path.Combine(dir, "empty.wav");
        File.WriteAllBytes(path, []);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = CliApp.Run(["analyze", path], output, error);

        code.ShouldBe(ExitCodes.UnusableAudio);
        error.ToString().ShouldContain("[empty_file]");
    }

    private string WriteSine()
    {
        var path = Path.Combine(dir, "sine.wav");
        TestAudioFiles.WriteWav(path, Signals.SineSegments(48000, (5, -23)), 24, false);
        return path;
    }
}
