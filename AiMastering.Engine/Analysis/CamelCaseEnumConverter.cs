using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiMastering.Engine.Analysis;

/// <summary>Writes enum members as camelCase strings ("interSampleOvers").</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
