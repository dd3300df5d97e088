namespace AiMastering.Engine.Matching;

/// <summary>One decision of the reference match for decision.json: a name, the measured numbers that fired it, and a reason in words.</summary>
public sealed record MatchRule(string Name, IReadOnlyDictionary<string, double> Inputs, string Reason);
