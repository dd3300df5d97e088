namespace AiMastering.Engine.Mastering.Rules;

/// <summary>What one rule decided: the rule record, optionally the processor it adds, optionally a warning.</summary>
internal sealed record RuleOutcome(DecisionRule Rule, PlannedStep? Step = null, string? Warning = null);
