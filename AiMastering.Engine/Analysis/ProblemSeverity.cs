using System.Text.Json.Serialization;

namespace AiMastering.Engine.Analysis;

[JsonConverter(typeof(CamelCaseEnumConverter<ProblemSeverity>))]
public enum ProblemSeverity
{
    Info,
    Warning,
    Error,
}
