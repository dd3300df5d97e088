namespace AiMastering.Engine.Mastering;

/// <summary>
/// A rule that fired: its <see cref="Name"/>, the <see cref="Processor"/> (a chain step name) it configured,
/// the measured <see cref="Inputs"/> that fired it, and a <see cref="Reason"/> citing them.
/// </summary>
public sealed record DecisionRule(string Name, string Processor, IReadOnlyDictionary<string, double> Inputs, string Reason);
