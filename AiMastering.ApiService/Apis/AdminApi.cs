using AiMastering.ApiService.Contracts;
using AiMastering.ApiService.Identity;
using AiMastering.ApiService.Infrastructure;
using AiMastering.Jobs.Hosting;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Queue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiMastering.ApiService.Apis;

/// <summary>
/// <c>/admin</c>: every user's jobs and operator actions, for accounts with the <c>admin</c> role
/// (their session or an admin's API token; in laptop mode, the laptop's user).
/// </summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin").WithTags("Admin").RequireAuthorization(CallerSchemes.AdminPolicy);
        group.MapGet("/jobs", ListAsync).WithSummary("All jobs, newest first; filter by status.");
        group.MapPost("/jobs/{jobId:guid}/retry", RetryAsync).WithSummary("Queue a failed job again with a fresh attempt budget.");
        group.MapGet("/backends", (BackendSelection backends) => TypedResults.Ok(backends.Describe())).WithSummary("Which backends this service uses.");
        return group;
    }

    public static async Task<Results<Ok<JobListResponse>, ProblemHttpResult>> ListAsync(
        [AsParameters] JobServices services, HttpContext context, CancellationToken cancellationToken, string? status = null, int limit = 100)
    {
        JobStatus? filter = null;
        if (status is not null)
        {
            try
            {
                filter = JobStatuses.FromWire(status);
            }
            catch (ArgumentOutOfRangeException)
            {
                return Problems.Of(ErrorCode.InvalidOptions, "status must be queued, processing, done or failed.");
            }
        }

        var jobs = await services.Store.ListRecentAsync(filter, Math.Clamp(limit, 1, 1000), cancellationToken);
        var responses = new List<JobResponse>(jobs.Count);
        foreach (var job in jobs)
        {
            responses.Add(await JobResponses.ToResponseAsync(job, services.Blobs, services.Storage.Value, services.Time, context.Request, cancellationToken));
        }

        return TypedResults.Ok(new JobListResponse(responses));
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> RetryAsync(
        Guid jobId, [AsParameters] JobServices services, CancellationToken cancellationToken)
    {
        var job = await services.Store.GetAsync(jobId, cancellationToken);
        if (job is null)
        {
            return Problems.Of(ErrorCode.JobNotFound, "There is no job with this id.", StatusCodes.Status404NotFound);
        }

        if (!await services.Store.RetryFailedAsync(jobId, services.Time.GetUtcNow(), cancellationToken))
        {
            return Problems.Of(ErrorCode.InvalidOptions, $"Only failed jobs can be retried; this one is {job.Status.ToWire()}.", StatusCodes.Status409Conflict);
        }

        await services.Queue.PublishAsync(new JobMessage(jobId, job.RequestId, job.TraceParent, 1), cancellationToken);
        ApiMetrics.JobsRetriedByOperator.Add(1);
        JobsLog.Retried(services.Logger, jobId, job.UserId);
        return TypedResults.Accepted($"/jobs/{jobId}");
    }
}
