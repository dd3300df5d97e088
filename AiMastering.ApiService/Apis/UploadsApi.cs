using AiMastering.ApiService.Contracts;
using AiMastering.ApiService.Identity;
using AiMastering.ApiService.Infrastructure;
using AiMastering.ApiService.Limits;
using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Hosting;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AiMastering.ApiService.Apis;

/// <summary><c>POST /uploads/presign</c>: a signed URL the browser uploads one file to, directly.</summary>
public static class UploadsApi
{
    public static RouteGroupBuilder MapUploadsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/uploads").WithTags("Uploads").RequireAuthorization(CallerSchemes.SignedInPolicy);
        group.MapPost("/presign", PresignAsync)
            .RequireSubmitRateLimit()
            .WithSummary("Get a signed URL to upload a mix or a reference track (WAV, AIFF, FLAC).");
        return group;
    }

    public static async Task<Results<Ok<PresignResponse>, ProblemHttpResult>> PresignAsync(
        PresignRequest request,
        Caller caller,
        [AsParameters] UploadServices services,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var kind = request.Kind ?? "source";
        if (kind is not ("source" or "reference"))
        {
            return Problems.Of(ErrorCode.InvalidOptions, $"kind must be \"source\" or \"reference\", not \"{kind}\".");
        }

        if (string.IsNullOrWhiteSpace(request.FileName))
        {
            return Problems.Of(ErrorCode.ExtensionMismatch, "fileName is required.");
        }

        var storage = services.Storage.Value;
        var refusal = UploadRules.Check(request.FileName, request.ContentType ?? "", request.Size ?? 0, storage.MaxUploadBytes);
        if (refusal is { } r)
        {
            var status = r.Code == ErrorCode.FileTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return Problems.Of(r.Code, r.Message, status);
        }

        var userId = caller.UserId;
        var maxStored = services.Limits.Value.MaxStoredBytesPerUser;
        var used = await StorageQuota.UsedBytesAsync(services.Blobs, userId, cancellationToken);
        if (used + request.Size!.Value > maxStored)
        {
            return Problems.Of(ErrorCode.QuotaExceeded, StorageQuota.ExceededMessage(used, request.Size.Value, maxStored), StatusCodes.Status413PayloadTooLarge);
        }

        var key = BlobKeys.Upload(userId, Guid.CreateVersion7(), request.FileName);
        var expires = services.Time.GetUtcNow() + storage.UploadUrlLifetime;
        var contentType = request.ContentType!.Split(';')[0].Trim().ToLowerInvariant();

        // The grant is for the declared size: the store refuses anything larger.
        var presigned = await services.Blobs.PresignUploadAsync(new UploadGrant(key, contentType, request.Size!.Value, expires), cancellationToken);
        return TypedResults.Ok(new PresignResponse(
            key,
            PublicUrls.Absolute(context.Request, presigned.Url),
            presigned.Method,
            presigned.Fields,
            presigned.Headers,
            presigned.ExpiresAt));
    }
}

public sealed record UploadServices(IBlobStore Blobs, IOptions<StorageOptions> Storage, IOptions<LimitsOptions> Limits, TimeProvider Time);
