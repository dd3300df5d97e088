using System.Diagnostics;
using System.Globalization;
using AiMastering.ApiService.Contracts;
using AiMastering.ApiService.Identity;
using AiMastering.ApiService.Infrastructure;
using AiMastering.ApiService.Lifecycle;
using AiMastering.ApiService.Limits;
using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Hosting;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Model.Catalog;
using AiMastering.Jobs.Processing;
using AiMastering.Jobs.Queue;
using AiMastering.Jobs.Store;
using AiMastering.Jobs.Uploads;
using AiMastering.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AiMastering.ApiService.Apis;

/// <summary><c>/jobs</c>: create a mastering job for an uploaded mix, follow it, list yours.</summary>
public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/jobs").WithTags("Jobs").RequireAuthorization(CallerSchemes.SignedInPolicy);
        group.MapPost("/", CreateAsync).RequireSubmitRateLimit().WithSummary("Master an uploaded mix (optionally to a reference track).");
        group.MapGet("/{jobId:guid}", GetAsync).WithSummary("A job's status, progress, error and (when done) signed artifact URLs.");
        group.MapGet("/", ListAsync).WithSummary("The caller's recent jobs, newest first.");
        group.MapDelete("/{jobId:guid}", DeleteAsync).WithSummary("Delete the job and every file of it (source, reference, master, preview, documents).");
        return group;
    }

    public static async Task<Results<Created<CreateJobResponse>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        CreateJobRequest request, Caller caller, [AsParameters] JobServices services, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await CreateJobAsync(request, caller, services, context, cancellationToken);
        var problem = result.Result switch
        {
            ProblemHttpResult p => p.ProblemDetails,
            ValidationProblem v => v.ProblemDetails,
            _ => null,
        };
        if (problem is not null)
        {
            var code = problem.Extensions.TryGetValue("code", out var c) ? c?.ToString() : null;
            ApiMetrics.JobsRefused.Add(1, new KeyValuePair<string, object?>(MetricNames.CodeTag, code));
            JobsLog.Refused(services.Logger, caller.UserId, code, problem.Detail);
        }

        return result;
    }

    private static async Task<Results<Created<CreateJobResponse>, ProblemHttpResult, ValidationProblem>> CreateJobAsync(
        CreateJobRequest request, Caller caller, JobServices services, HttpContext context, CancellationToken cancellationToken)
    {
        var optionErrors = JobOptionsValidator.Validate(request.Options);
        if (optionErrors.Count > 0)
        {
            return Problems.Validation(ErrorCode.InvalidOptions, optionErrors);
        }

        var userId = caller.UserId;
        var source = await CheckUploadAsync(request.ObjectKey, request.FileName, "objectKey", userId, services, cancellationToken);
        if (source.Problem is not null)
        {
            return source.Problem;
        }

        StoredFile? reference = null;
        if (request.ReferenceObjectKey is not null)
        {
            var checkedReference = await CheckUploadAsync(request.ReferenceObjectKey, request.ReferenceFileName, "referenceObjectKey", userId, services, cancellationToken);
            if (checkedReference.Problem is not null)
            {
                return checkedReference.Problem;
            }

            reference = checkedReference.File;
        }

        var limits = services.Limits.Value;
        if (await TrackLength.ReadSecondsAsync(services.Blobs, source.File!, cancellationToken) is { } seconds && seconds > limits.MaxTrackMinutes * 60.0)
        {
            return Problems.Of(ErrorCode.TooLong, TrackLength.TooLongMessage(seconds, limits.MaxTrackMinutes), StatusCodes.Status413PayloadTooLarge);
        }

        var options = request.Options ?? new JobOptions();
        if (reference is not null)
        {
            options = options.ForReference();
        }
        else if (options.Target == LoudnessPresets.Reference)
        {
            return Problems.Validation(ErrorCode.InvalidOptions, new Dictionary<string, string[]>
            {
                ["options.target"] = ["The target \"reference\" needs a reference track (referenceObjectKey)."],
            });
        }

        var now = services.Time.GetUtcNow();
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Status = JobStatus.Queued,
            CreatedAt = now,
            UpdatedAt = now,
            Stage = JobStages.Queued,
            MaxAttempts = services.Runner.Value.MaxAttempts,
            Source = source.File!,
            Reference = reference,
            Options = options.Normalize(),
            RequestId = context.TraceIdentifier,
            TraceParent = Activity.Current?.Id,
        };

        // The store is the truth: insert first, then wake a worker. If the publish is lost, the
        // recovery sweep re-publishes the queued job.
        switch (await services.Store.TryInsertAsync(job, limits.MaxActiveJobsPerUser, cancellationToken))
        {
            case InsertOutcome.UploadUsed:
                return Problems.Of(ErrorCode.UploadUsed,
                    "This upload has already been mastered. Upload the file again to master it with other settings.", StatusCodes.Status409Conflict);
            case InsertOutcome.TooManyActive:
                context.Response.Headers.RetryAfter = limits.ActiveJobsRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Problems.Of(ErrorCode.TooManyJobs,
                    $"You already have {limits.MaxActiveJobsPerUser} masters waiting or in progress. Start this one when one of them is done.",
                    StatusCodes.Status429TooManyRequests);
        }

        await services.Queue.PublishAsync(new JobMessage(job.Id, job.RequestId, job.TraceParent, 1), cancellationToken);
        JobTelemetry.JobsCreated.Add(1);
        ApiMetrics.JobsCreated.Add(1, new KeyValuePair<string, object?>(MetricNames.TargetTag, job.Options.Target));
        ApiMetrics.UploadSize.Record(job.Source.Size);
        if (job.Reference is not null)
        {
            ApiMetrics.UploadSize.Record(job.Reference.Size);
        }

        JobsLog.Created(services.Logger, job.Id, userId, job.Options.Target, job.Source.Size);
        return TypedResults.Created($"{context.Request.PathBase}/jobs/{job.Id}", new CreateJobResponse(job.Id, job.Status.ToWire()));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> GetAsync(
        Guid jobId, Caller caller, [AsParameters] JobServices services, HttpContext context, CancellationToken cancellationToken)
    {
        // Another user's job is "not found", exactly like a job that never existed.
        var job = await services.Store.GetOwnedAsync(jobId, caller.OwnerFilter, cancellationToken);
        if (job is null)
        {
            return NotFound();
        }

        return TypedResults.Ok(await JobResponses.ToResponseAsync(job, services.Blobs, services.Storage.Value, services.Time, context.Request, cancellationToken));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid jobId, Caller caller, [AsParameters] JobServices services, JobFiles files, CancellationToken cancellationToken)
    {
        var deleted = await services.Store.DeleteAsync(jobId, caller.OwnerFilter, cancellationToken);
        if (deleted is null)
        {
            return await services.Store.GetOwnedAsync(jobId, caller.OwnerFilter, cancellationToken) is null
                ? NotFound()
                : Problems.Of(ErrorCode.JobBusy, "This master is being made right now. Delete it when it is done.", StatusCodes.Status409Conflict);
        }

        await files.DeleteAsync(deleted, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<JobListResponse>> ListAsync(
        Caller caller, [AsParameters] JobServices services, HttpContext context, CancellationToken cancellationToken, int limit = 20)
    {
        var jobs = await services.Store.ListForUserAsync(caller.UserId, Math.Clamp(limit, 1, 100), cancellationToken);
        var responses = new List<JobResponse>(jobs.Count);
        foreach (var job in jobs)
        {
            responses.Add(await JobResponses.ToResponseAsync(job, services.Blobs, services.Storage.Value, services.Time, context.Request, cancellationToken));
        }

        return TypedResults.Ok(new JobListResponse(responses));
    }

    private static ProblemHttpResult NotFound() =>
        Problems.Of(ErrorCode.JobNotFound, "There is no job with this id.", StatusCodes.Status404NotFound);

    private static async Task<(StoredFile? File, ProblemHttpResult? Problem)> CheckUploadAsync(
        string? key, string? fileName, string field, string userId, JobServices services, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key) || !BlobKeys.IsUploadOf(key, userId))
        {
            return (null, Problems.Of(ErrorCode.UploadMissing, $"{field} does not name one of your uploads. Upload the file first."));
        }

        // Re-check what the store really holds: the size and type the client declared are not trusted.
        var info = await services.Blobs.GetInfoAsync(key, cancellationToken);
        if (info is null)
        {
            return (null, Problems.Of(ErrorCode.UploadMissing, "The file was never uploaded (or the upload did not finish). Upload it again."));
        }

        // An empty object passes here on purpose: the worker checks the bytes and fails the job
        // with a clear "empty file" error, like every other problem found in the audio itself.
        var storedName = fileName ?? Path.GetFileName(key);
        var refusal = UploadRules.Check(storedName, info.ContentType ?? "", Math.Max(info.Size, 1), services.Storage.Value.MaxUploadBytes);
        if (refusal is { } r)
        {
            return (null, Problems.Of(r.Code, r.Message));
        }

        return (new StoredFile(key, Path.GetFileName(storedName), info.Size, info.ContentType!), null);
    }
}

public sealed record JobServices(
    IJobStore Store,
    IJobQueue Queue,
    IBlobStore Blobs,
    IOptions<StorageOptions> Storage,
    IOptions<JobRunnerOptions> Runner,
    IOptions<LimitsOptions> Limits,
    TimeProvider Time,
    ILogger<JobServices> Logger);
