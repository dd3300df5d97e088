namespace AiMastering.Jobs.Model;

/// <summary>
/// The closed set of error codes a job or a request can end with. The web app translates them;
/// the wire form is snake_case (<see cref="ErrorCodes.ToWire"/>). Never renumber or rename.
/// </summary>
public enum ErrorCode
{
    // Upload / request validation (4xx, never a job)
    UnsupportedType,
    ExtensionMismatch,
    FileTooLarge,
    EmptyUpload,
    UploadMissing,
    UploadSignatureInvalid,
    UploadExpired,
    InvalidOptions,
    JobNotFound,

    // The audio itself (permanent: the job fails at once)
    EmptyFile,
    NoAudio,
    TruncatedFile,
    NotAudio,
    FormatMismatch,
    InvalidHeader,
    SilentAudio,
    TooShort,
    TooManyChannels,
    UnsupportedFormat,
    ReferenceSilent,
    ReferenceTooShort,
    ReferenceUndecodable,

    // Infrastructure (transient: the job is retried)
    StorageUnavailable,
    DatabaseUnavailable,
    WorkerLost,
    ProcessingFailed,
    Internal,

    // Added later, appended so no existing number moves.
    // Ownership and limits (requests)
    UploadUsed,
    TooLong,
    TooManyJobs,
    QuotaExceeded,
    RateLimited,
    JobBusy,

    // Accounts (requests)
    SignInFailed,
    SignUpClosed,
    AccountInvalid,
    AntiforgeryFailed,
    TokenNotFound,

    // The audio itself (permanent)
    UnsupportedSampleRate,
    NonFiniteSamples,
}
