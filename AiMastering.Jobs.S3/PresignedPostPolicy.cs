using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AiMastering.Jobs.Blobs.S3;

/// <summary>
/// A browser-based upload (S3 POST Object) signed with SigV4: a base64 policy document that pins the
/// exact key, the Content-Type and a content-length range, so the S3 server itself refuses anything
/// else; the form fields to send before the file.
/// </summary>
public static class PresignedPostPolicy
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public static Dictionary<string, string> Fields(
        string bucket, string key, string contentType, long minSize, long maxSize, DateTimeOffset expiresAt,
        string accessKey, string secretKey, string region, DateTimeOffset now)
    {
        var date = now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var credential = $"{accessKey}/{date}/{region}/s3/aws4_request";
        var policy = PolicyJson(bucket, key, contentType, minSize, maxSize, expiresAt, credential, amzDate);
        var policyBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(policy));
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(SigningKey(secretKey, date, region), Encoding.UTF8.GetBytes(policyBase64)));
        return new Dictionary<string, string>
        {
            ["key"] = key,
            ["Content-Type"] = contentType,
            ["x-amz-algorithm"] = Algorithm,
            ["x-amz-credential"] = credential,
            ["x-amz-date"] = amzDate,
            ["policy"] = policyBase64,
            ["x-amz-signature"] = signature,
        };
    }

    public static string PolicyJson(
        string bucket, string key, string contentType, long minSize, long maxSize, DateTimeOffset expiresAt, string credential, string amzDate)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("expiration", expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture));
            json.WriteStartArray("conditions");
            Exact(json, "bucket", bucket);
            Exact(json, "key", key);
            Exact(json, "Content-Type", contentType);
            json.WriteStartArray();
            json.WriteStringValue("content-length-range");
            json.WriteNumberValue(minSize);
            json.WriteNumberValue(maxSize);
            json.WriteEndArray();
            Exact(json, "x-amz-algorithm", Algorithm);
            Exact(json, "x-amz-credential", credential);
            Exact(json, "x-amz-date", amzDate);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>SigV4 signing key: HMAC chain over date, region, service and "aws4_request".</summary>
    public static byte[] SigningKey(string secretKey, string date, string region)
    {
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(date));
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes("s3"));
        return HMACSHA256.HashData(kService, Encoding.UTF8.GetBytes("aws4_request"));
    }

    private static void Exact(Utf8JsonWriter json, string field, string value)
    {
        json.WriteStartArray();
        json.WriteStringValue("eq");
        json.WriteStringValue("$" + field);
        json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
