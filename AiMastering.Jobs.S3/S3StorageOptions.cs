using System.Data.Common;

namespace AiMastering.Jobs.Blobs.S3;

/// <summary>
/// One S3-compatible store: MinIO, AWS S3, Backblaze B2, Ceph RGW, … Parsed from the
/// <c>storage</c> connection string <c>Endpoint=http://…;AccessKey=…;SecretKey=…;Bucket=…</c>
/// (optional <c>Region=</c>, <c>ForcePathStyle=</c>, <c>UploadMethod=POST|PUT</c>); CORS origins come
/// from <c>Storage:S3:CorsOrigins</c>.
/// </summary>
public sealed class S3StorageOptions
{
    public const string Section = "Storage:S3";

    public Uri Endpoint { get; set; } = new("http://127.0.0.1:9000");

    /// <summary>
    /// Where browsers reach the store (<c>Storage:S3:PublicEndpoint</c>), when not at <see cref="Endpoint"/>: presigned
    /// URLs are signed for this host (the signature covers it), while the services' own calls keep using
    /// <see cref="Endpoint"/> (e.g. MinIO's address inside a container network). Null: browsers use <see cref="Endpoint"/>.
    /// </summary>
    public Uri? PublicEndpoint { get; set; }

    /// <summary>The endpoint presigned URLs point at.</summary>
    public Uri BrowserEndpoint => PublicEndpoint ?? Endpoint;

    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    public string Bucket { get; set; } = "aimastering";

    /// <summary>SigV4 region; MinIO and Ceph accept <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Path-style URLs (<c>host/bucket/key</c>): needed by MinIO and Ceph without DNS wildcards.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>
    /// <c>POST</c> (a presigned POST policy: the store enforces size, type and key) or <c>PUT</c>
    /// for stores without POST policies (Backblaze B2, Cloudflare R2): then only the type and key are signed.
    /// </summary>
    public string UploadMethod { get; set; } = "POST";

    /// <summary>Origins the browser uploads from (bucket CORS). Empty: CORS is left as it is.</summary>
    public IList<string> CorsOrigins { get; } = [];

    public bool UsePost => string.Equals(UploadMethod, "POST", StringComparison.OrdinalIgnoreCase);

    public static S3StorageOptions Parse(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Get(string name) => builder.TryGetValue(name, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null;
        var options = new S3StorageOptions
        {
            Endpoint = new Uri(Get("Endpoint") ?? throw new FormatException("The storage connection string has no Endpoint.")),
            AccessKey = Get("AccessKey") ?? throw new FormatException("The storage connection string has no AccessKey."),
            SecretKey = Get("SecretKey") ?? throw new FormatException("The storage connection string has no SecretKey."),
        };
        options.Bucket = Get("Bucket") ?? options.Bucket;
        options.Region = Get("Region") ?? options.Region;
        options.UploadMethod = Get("UploadMethod") ?? options.UploadMethod;
        if (Get("ForcePathStyle") is { } pathStyle)
        {
            options.ForcePathStyle = bool.Parse(pathStyle);
        }

        return options;
    }
}
