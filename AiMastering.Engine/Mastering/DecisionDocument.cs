namespace AiMastering.Engine.Mastering;

/// <summary>decision.json: the rules that fired and the full chain settings, in processing order.</summary>
public sealed record DecisionDocument(
    int SchemaVersion,
    DecisionTarget Target,
    IReadOnlyList<DecisionRule> Rules,
    IReadOnlyList<ChainStep> Chain,
    IReadOnlyList<string> Warnings)
{
    public const int CurrentSchemaVersion = 1;
}
