using System.Text.Json;
using AiMastering.Engine;
using AiMastering.Engine.Analysis;
using AiMastering.Testing;

namespace AiMastering.UnitTests.Analysis;

public sealed class AnalysisJsonTests
{
    [Fact]
    public void Analysis_json_conforms_to_the_schema_in_the_repository()
    {
        var left = Signals.PinkNoise(48000 * 12, 1);
        var right = Signals.PinkNoise(48000 * 12, 2);
        left[48000 * 5] = left[(48000 * 5) + 1] = left[(48000 * 5) + 2] = 1f;
        var json = JsonSerializer.Serialize(Analyzer.Analyze(new AudioBuffer(48000, [left, right])), EngineJsonContext.Default.AudioAnalysis);

        var errors = Validate(json);

        errors.ShouldBeEmpty(string.Join("\n", errors));
        json.ShouldContain("\"code\": \"clipping\"");
    }

    [Fact]
    public void Silence_serializes_levels_as_null()
    {
        var audio = AudioBuffer.Silent(44100, 2, 44100 * 4);

        var analysis = Analyzer.Analyze(audio);
        var json = JsonSerializer.Serialize(analysis, EngineJsonContext.Default.AudioAnalysis);

        analysis.Loudness.IntegratedLufs.ShouldBeNull();
        analysis.Loudness.TruePeakDbtp.ShouldBeNull();
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("loudness").GetProperty("integratedLufs").ValueKind.ShouldBe(JsonValueKind.Null);
        Validate(json).ShouldBeEmpty();
    }

    [Fact]
    public void Mono_analysis_conforms_to_the_schema()
    {
        var audio = new AudioBuffer(22050, [Signals.PinkNoise(22050 * 5, 4)]);
        Validate(JsonSerializer.Serialize(Analyzer.Analyze(audio), EngineJsonContext.Default.AudioAnalysis)).ShouldBeEmpty();
    }

    private static List<string> Validate(string json)
    {
        var schemaPath = Path.Combine(RepositoryPaths.Root(), "docs", "schemas", "analysis.schema.json");
        using var schema = JsonDocument.Parse(File.ReadAllText(schemaPath));
        using var doc = JsonDocument.Parse(json);
        return MiniJsonSchema.Validate(schema.RootElement, doc.RootElement);
    }
}
