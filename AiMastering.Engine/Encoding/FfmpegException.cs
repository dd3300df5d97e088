namespace AiMastering.Engine.Encoding;

/// <summary>ffmpeg could not be started or failed; the message says what it was doing and ends with its own error output.</summary>
public sealed class FfmpegException : Exception
{
    public FfmpegException()
    {
    }

    public FfmpegException(string message)
        : base(message)
    {
    }

    public FfmpegException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
