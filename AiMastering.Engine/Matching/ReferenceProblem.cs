namespace AiMastering.Engine.Matching;

/// <summary>Why a reference track cannot be used; the worker maps each code to a user message.</summary>
public enum ReferenceProblem
{
    ReferenceUndecodable,
    ReferenceTooShort,
    ReferenceSilent,
}
