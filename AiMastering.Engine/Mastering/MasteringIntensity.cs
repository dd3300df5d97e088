using System.Text.Json.Serialization;
using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Mastering;

/// <summary>How far processing may depart from the mix (EQ amounts, compression ratios, limiting budget).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<MasteringIntensity>))]
public enum MasteringIntensity
{
    Low,
    Medium,
    High,
}
