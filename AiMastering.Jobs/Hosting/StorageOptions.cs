using System.ComponentModel.DataAnnotations;

namespace AiMastering.Jobs.Hosting;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Largest accepted upload, in bytes. Default 500 MB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 500_000_000;

    /// <summary>How long a signed upload URL stays valid.</summary>
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a signed download URL stays valid: at most 15 minutes (a leaked link soon stops working).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:15:00")]
    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Base64 secret (≥ 32 bytes) for the embedded store's signed URLs; generated under the data folder when unset.</summary>
    public string? SigningKey { get; set; }
}
