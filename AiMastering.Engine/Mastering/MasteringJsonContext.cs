using System.Text.Json.Serialization;
using AiMastering.Engine.Processing;

namespace AiMastering.Engine.Mastering;

/// <summary>
/// Source-generated JSON for decision.json (<see cref="DecisionDocument"/>) and report.json
/// (<see cref="MasteringReport"/>): camelCase, enums as camelCase strings, indented.
/// The processor settings types are registered so decision.json carries each processor's full settings.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(DecisionDocument))]
[JsonSerializable(typeof(MasteringReport))]
[JsonSerializable(typeof(HighPassSettings))]
[JsonSerializable(typeof(EqBand[]))]
[JsonSerializable(typeof(DynamicEqSettings))]
[JsonSerializable(typeof(UpwardExpanderSettings))]
[JsonSerializable(typeof(MultibandCompressorSettings))]
[JsonSerializable(typeof(CompressorSettings))]
[JsonSerializable(typeof(StereoWidthSettings))]
[JsonSerializable(typeof(GainSettings))]
[JsonSerializable(typeof(TruePeakLimiterSettings))]
[JsonSerializable(typeof(TpdfDitherSettings))]
[JsonSerializable(typeof(Dictionary<string, double>))]
public sealed partial class MasteringJsonContext : JsonSerializerContext;
