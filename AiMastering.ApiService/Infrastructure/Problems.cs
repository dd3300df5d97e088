using AiMastering.Jobs.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiMastering.ApiService.Infrastructure;

/// <summary>problem+json responses with a stable <c>code</c> and a sentence a person understands.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(ErrorCode code, string detail, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: Title(code),
            extensions: new Dictionary<string, object?> { ["code"] = code.ToWire() });

    public static ValidationProblem Validation(ErrorCode code, IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            detail: string.Join(" ", errors.Values.SelectMany(v => v)),
            title: Title(code),
            extensions: new Dictionary<string, object?> { ["code"] = code.ToWire() });

    private static string Title(ErrorCode code) => code switch
    {
        ErrorCode.UnsupportedType or ErrorCode.ExtensionMismatch => "Unsupported file",
        ErrorCode.FileTooLarge => "File too large",
        ErrorCode.EmptyUpload => "Empty file",
        ErrorCode.UploadMissing => "Upload not found",
        ErrorCode.UploadSignatureInvalid or ErrorCode.UploadExpired => "Upload link not valid",
        ErrorCode.InvalidOptions => "Invalid options",
        ErrorCode.JobNotFound => "Job not found",
        ErrorCode.UploadUsed => "Upload already used",
        ErrorCode.TooLong => "Track too long",
        ErrorCode.TooManyJobs => "Too many jobs at once",
        ErrorCode.QuotaExceeded => "Storage full",
        ErrorCode.RateLimited => "Too many requests",
        ErrorCode.JobBusy => "Job is being mastered",
        ErrorCode.SignInFailed => "Sign-in failed",
        ErrorCode.SignUpClosed => "Sign-up is closed",
        ErrorCode.AccountInvalid => "Account not created",
        ErrorCode.AntiforgeryFailed => "Request not trusted",
        ErrorCode.TokenNotFound => "Token not found",
        _ => "Request refused",
    };
}
