namespace AiMastering.Engine.Decoding;

/// <summary>A file that cannot be decoded or used, with a typed <see cref="Problem"/> and a musician-readable message.</summary>
public sealed class AudioDecodeException : Exception
{
    public AudioDecodeException()
    {
    }

    public AudioDecodeException(string message)
        : base(message)
    {
    }

    public AudioDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AudioDecodeException(AudioProblem problem, string message, Exception? innerException = null)
        : base(message, innerException) => Problem = problem;

    public AudioProblem Problem { get; } = AudioProblem.DecoderFailed;
}
