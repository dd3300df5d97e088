using System.Text.Json.Serialization;
using AiMastering.Engine.Analysis;

namespace AiMastering.Engine.Mastering;

/// <summary>Tonal direction of the master: the spectral tilt the tone rule steers towards.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<MasteringStyle>))]
public enum MasteringStyle
{
    Warm,
    Balanced,
    Bright,
}
