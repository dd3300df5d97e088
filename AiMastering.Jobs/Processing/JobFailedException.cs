using AiMastering.Jobs.Model;

namespace AiMastering.Jobs.Processing;

/// <summary>
/// Thrown by a job processor to end a job with a stable code and a sentence a musician understands.
/// Whether the job is retried follows from the code (<see cref="ErrorCodes.IsTransient"/>).
/// </summary>
public sealed class JobFailedException : Exception
{
    public JobFailedException(ErrorCode code, string message, Exception? inner = null)
        : base(message, inner) => Code = code;

    public JobFailedException()
        : this(ErrorCode.Internal, "The job failed.")
    {
    }

    public JobFailedException(string message)
        : this(ErrorCode.Internal, message)
    {
    }

    public JobFailedException(string message, Exception innerException)
        : this(ErrorCode.Internal, message, innerException)
    {
    }

    public ErrorCode Code { get; }
}
