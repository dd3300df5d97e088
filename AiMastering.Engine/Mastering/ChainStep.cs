using System.Text.Json.Nodes;

namespace AiMastering.Engine.Mastering;

/// <summary>One processor of the rendered chain, in order, with its full settings.</summary>
public sealed record ChainStep(string Processor, string Type, JsonObject Settings);
