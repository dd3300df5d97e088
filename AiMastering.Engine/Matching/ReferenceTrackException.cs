namespace AiMastering.Engine.Matching;

/// <summary>The reference track cannot be used; <see cref="Exception.Message"/> is a sentence for the musician.</summary>
public sealed class ReferenceTrackException : Exception
{
    public ReferenceTrackException()
    {
    }

    public ReferenceTrackException(string message)
        : base(message)
    {
    }

    public ReferenceTrackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReferenceTrackException(ReferenceProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    public ReferenceProblem Problem { get; } = ReferenceProblem.ReferenceUndecodable;
}
