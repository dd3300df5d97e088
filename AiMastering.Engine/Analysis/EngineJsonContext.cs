using System.Text.Json.Serialization;

namespace AiMastering.Engine.Analysis;

/// <summary>
/// Source-generated JSON for the engine's documents (analysis.json): camelCase, enums as camelCase
/// strings, nulls written (null level = -infinity / silence). Schema: docs/schemas/analysis.schema.json.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(AudioAnalysis))]
public sealed partial class EngineJsonContext : JsonSerializerContext;
