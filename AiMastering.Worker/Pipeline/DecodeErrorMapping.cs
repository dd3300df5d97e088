using AiMastering.Engine.Decoding;
using AiMastering.Engine.Matching;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Processing;

namespace AiMastering.Worker.Pipeline;

/// <summary>
/// The engine's decode and reference problems as the job's stable error codes (all permanent). The worker fails jobs
/// with them and the CLI prints them, so a musician sees the same code (<c>empty_file</c>) from both.
/// </summary>
public static class DecodeErrorMapping
{
    public static ErrorCode ToErrorCode(AudioProblem problem) => problem switch
    {
        AudioProblem.EmptyFile => ErrorCode.EmptyFile,
        AudioProblem.NotAudio => ErrorCode.NotAudio,
        AudioProblem.UnsupportedFormat or AudioProblem.UnsupportedEncoding => ErrorCode.UnsupportedFormat,
        AudioProblem.FormatMismatch => ErrorCode.FormatMismatch,
        AudioProblem.NoAudioData => ErrorCode.NoAudio,
        AudioProblem.Truncated => ErrorCode.TruncatedFile,
        AudioProblem.AbsurdHeader => ErrorCode.InvalidHeader,
        AudioProblem.TooManyChannels => ErrorCode.TooManyChannels,
        AudioProblem.TooShort => ErrorCode.TooShort,
        AudioProblem.Silent => ErrorCode.SilentAudio,
        AudioProblem.DecoderFailed => ErrorCode.NotAudio,
        AudioProblem.NonFiniteSamples => ErrorCode.NonFiniteSamples,
        AudioProblem.FileNotFound => ErrorCode.StorageUnavailable,
        _ => ErrorCode.NotAudio,
    };

    public static JobFailedException ToJobFailure(AudioDecodeException e) => new(ToErrorCode(e.Problem), e.Message, e);

    /// <summary>Problems with a reference track get their own codes so the page can say which file is wrong.</summary>
    public static JobFailedException ToReferenceFailure(AudioDecodeException e) => e.Problem switch
    {
        AudioProblem.Silent => new(ErrorCode.ReferenceSilent, $"The reference track is silent. {e.Message}", e),
        AudioProblem.TooShort => new(ErrorCode.ReferenceTooShort, $"The reference track is too short. {e.Message}", e),
        AudioProblem.FileNotFound => new(ErrorCode.StorageUnavailable, e.Message, e),
        _ => new(ErrorCode.ReferenceUndecodable, $"The reference track cannot be used: {e.Message}", e),
    };

    /// <summary>A reference the engine could not use: its decode problem if it had one, else the engine's reason.</summary>
    public static JobFailedException ToReferenceFailure(ReferenceTrackException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.InnerException is AudioDecodeException decode)
        {
            return ToReferenceFailure(decode);
        }

        var code = e.Problem switch
        {
            ReferenceProblem.ReferenceSilent => ErrorCode.ReferenceSilent,
            ReferenceProblem.ReferenceTooShort => ErrorCode.ReferenceTooShort,
            _ => ErrorCode.ReferenceUndecodable,
        };
        return new JobFailedException(code, e.Message, e);
    }

    /// <summary>"The file is empty. [empty_file]": the musician's sentence with the code the API reports.</summary>
    public static string Describe(JobFailedException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return $"{failure.Message} [{failure.Code.ToWire()}]";
    }
}
