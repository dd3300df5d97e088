using System.Globalization;
using AiMastering.Jobs.Blobs;

namespace AiMastering.ApiService.Limits;

/// <summary>What a user keeps in the store, counted from the store's own listing of their uploads.</summary>
public static class StorageQuota
{
    public static async Task<long> UsedBytesAsync(IBlobStore blobs, string userId, CancellationToken cancellationToken) =>
        (await blobs.ListAsync(BlobKeys.UploadPrefix(userId), cancellationToken)).Sum(o => o.Size);

    /// <summary>"You keep 4.9 GB here; this file (812 MB) would pass the 5 GB limit. Delete older masters to make room."</summary>
    public static string ExceededMessage(long used, long size, long max) =>
        $"You keep {Size(used)} here; this file ({Size(size)}) would pass the {Size(max)} limit. Delete older masters to make room.";

    private static string Size(long bytes) => bytes >= 1_000_000_000
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.#} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0} MB");
}
