using System.Text.Json.Nodes;
using AiMastering.Engine.Processing;

namespace AiMastering.Engine.Mastering.Rules;

/// <summary>A processor the rules decided on: its chain name, position, settings (for decision.json) and factory.</summary>
internal sealed record PlannedStep(string Name, int Order, string Type, JsonObject Settings, Func<int, int, IAudioProcessor> Create);
