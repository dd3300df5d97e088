namespace AiMastering.Jobs.Model;

/// <summary>
/// The stage codes a job reports in <c>progress.stage</c>, in the order a job passes them (<see cref="Order"/>). The
/// worker's own steps frame the engine's stages; the stores set the lifecycle ones (queued, starting, done, …).
/// Part of the catalog: <c>GET /catalog</c> serves <see cref="Order"/> with a label key per stage (<c>stage.decoding</c>),
/// and the job page lists the stages from there; only a job with a reference passes <see cref="MatchingReference"/>.
/// </summary>
public static class JobStages
{
    public const string Queued = "queued";
    public const string Starting = "starting";
    public const string Downloading = "downloading";
    public const string Checking = "checking";
    public const string Decoding = "decoding";
    public const string Analyzing = "analyzing";
    public const string MatchingReference = "matching_reference";
    public const string Deciding = "deciding";
    public const string Rendering = "rendering";
    public const string Limiting = "limiting";
    public const string Verifying = "verifying";
    public const string Writing = "writing";
    public const string Reporting = "reporting";
    public const string EncodingPreview = "encoding_preview";
    public const string Saving = "saving";
    public const string Done = "done";
    public const string Failed = "failed";
    public const string WaitingToRetry = "waiting to retry";

    /// <summary>The stages of a running job, in order (what the job page lists).</summary>
    public static IReadOnlyList<string> Order { get; } =
    [
        Downloading, Checking, Decoding, Analyzing, MatchingReference, Deciding, Rendering, Limiting, Verifying, Writing,
        Reporting, EncodingPreview, Saving,
    ];
}
