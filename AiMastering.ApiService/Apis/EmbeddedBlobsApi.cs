using System.Globalization;
using AiMastering.ApiService.Infrastructure;
using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Uploads;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiMastering.ApiService.Apis;

/// <summary>
/// Embedded mode only: the upload and download endpoints behind the file-system store's signed
/// URLs. With S3 the browser talks to the store itself and these are not mapped.
/// </summary>
public static class EmbeddedBlobsApi
{
    public static void MapEmbeddedBlobsApi(this IEndpointRouteBuilder app)
    {
        app.MapPut(FileSystemBlobStore.UploadPath, UploadAsync).WithTags("Storage (embedded)").DisableAntiforgery();
        app.MapGet(FileSystemBlobStore.DownloadPath, Download).WithTags("Storage (embedded)");
    }

    public static async Task<Results<Created, ProblemHttpResult>> UploadAsync(
        string key, long max, string type, long exp, string sig,
        FileSystemBlobStore store, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        if (!store.Signer.Verify(sig, "upload", key, max.ToString(CultureInfo.InvariantCulture), type, exp.ToString(CultureInfo.InvariantCulture)))
        {
            return Problems.Of(ErrorCode.UploadSignatureInvalid, "This upload link is not valid. Start the upload again.", StatusCodes.Status403Forbidden);
        }

        if (time.GetUtcNow().ToUnixTimeSeconds() > exp)
        {
            return Problems.Of(ErrorCode.UploadExpired, "This upload link has expired. Start the upload again.", StatusCodes.Status403Forbidden);
        }

        var sentType = context.Request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(sentType, type, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Of(ErrorCode.UnsupportedType, $"This link accepts {type}, not {sentType ?? "no type"}.", StatusCodes.Status415UnsupportedMediaType);
        }

        // Our own limit (the signed size) replaces the server's small default body limit for this endpoint — before
        // any refusal too: past that default the server would not read the rest of a refused body, and a proxy still
        // sending it (the front door) would answer 502 instead of passing the 413 on.
        var bodyLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodyLimit is { IsReadOnly: false })
        {
            bodyLimit.MaxRequestBodySize = null;
        }

        if (context.Request.ContentLength > max)
        {
            return TooLarge(context.Request.ContentLength.Value, max);
        }

        var written = await store.WriteAsync(key, context.Request.Body, max, type, cancellationToken);
        if (written < 0)
        {
            return TooLarge(max + 1, max);
        }

        return TypedResults.Created();
    }

    public static Results<FileStreamHttpResult, ProblemHttpResult, NotFound> Download(
        string key, string name, long exp, string sig, FileSystemBlobStore store, TimeProvider time)
    {
        if (!store.Signer.Verify(sig, "download", key, name, exp.ToString(CultureInfo.InvariantCulture)))
        {
            return Problems.Of(ErrorCode.UploadSignatureInvalid, "This download link is not valid.", StatusCodes.Status403Forbidden);
        }

        if (time.GetUtcNow().ToUnixTimeSeconds() > exp)
        {
            return Problems.Of(ErrorCode.UploadExpired, "This download link has expired. Reload the page for a fresh one.", StatusCodes.Status403Forbidden);
        }

        var path = store.PathOf(key);
        if (!File.Exists(path))
        {
            return TypedResults.NotFound();
        }

        var contentType = ContentTypeOf(name);
        return TypedResults.File(store.OpenRead(key), contentType, name, enableRangeProcessing: true);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".wav" or ".wave" => "audio/wav",
        ".mp3" => "audio/mpeg",
        ".flac" => "audio/flac",
        ".aif" or ".aiff" => "audio/aiff",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };

    private static ProblemHttpResult TooLarge(long size, long max) =>
        Problems.Of(ErrorCode.FileTooLarge,
            $"The upload is larger than the {UploadRules.Megabytes(max)} MB this link allows; nothing was kept.",
            StatusCodes.Status413PayloadTooLarge);
}
