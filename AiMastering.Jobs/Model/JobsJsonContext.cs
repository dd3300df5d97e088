using System.Text.Json.Serialization;

namespace AiMastering.Jobs.Model;

/// <summary>Source-generated JSON for what the job stores keep as JSON (camelCase).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredFile))]
[JsonSerializable(typeof(JobOptions))]
[JsonSerializable(typeof(JobArtifacts))]
public sealed partial class JobsJsonContext : JsonSerializerContext;
