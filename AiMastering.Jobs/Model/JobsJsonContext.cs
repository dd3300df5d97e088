using System.Text.Json.Serialization;
using AiMastering.Jobs.Queue;

namespace AiMastering.Jobs.Model;

/// <summary>Source-generated JSON for what the Jobs library stores and sends (camelCase).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredFile))]
[JsonSerializable(typeof(JobOptions))]
[JsonSerializable(typeof(JobArtifacts))]
[JsonSerializable(typeof(JobMessage))]
public sealed partial class JobsJsonContext : JsonSerializerContext;
