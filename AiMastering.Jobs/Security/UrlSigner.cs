using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AiMastering.Jobs.Security;

/// <summary>
/// HMAC-SHA256 signatures for the embedded store's own upload and download URLs. The signature
/// binds every value that limits what the URL allows (key, size, type, file name, expiry).
/// </summary>
public sealed class UrlSigner(byte[] key)
{
    public string Sign(params string[] parts)
    {
        var payload = string.Join('\n', parts);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Constant-time check of a signature over the same parts.</summary>
    public bool Verify(string signature, params string[] parts)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    public static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The configured secret (base64, at least 32 bytes), or one generated once and kept in the data
    /// folder so the API and worker processes share it.
    /// </summary>
    public static byte[] LoadOrCreateKey(string? configured, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = Convert.FromBase64String(configured);
            if (bytes.Length < 32)
            {
                throw new InvalidOperationException("Storage:SigningKey must be at least 32 bytes (base64).");
            }

            return bytes;
        }

        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, "signing.key");
        if (File.Exists(path))
        {
            return ReadKey(path);
        }

        // CreateNew is atomic (O_EXCL): exactly one process writes the key. The others wait until the
        // writer has closed the file (it is locked and may be empty until then) and read it.
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            var fresh = RandomNumberGenerator.GetBytes(32);
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(fresh)));
            return fresh;
        }
        catch (IOException) when (File.Exists(path))
        {
            return ReadKey(path);
        }
    }

    private static byte[] ReadKey(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var text = File.ReadAllText(path).Trim();
                if (text.Length > 0)
                {
                    return Convert.FromBase64String(text);
                }
            }
            catch (IOException) when (attempt < 100)
            {
                // Still locked by the process writing it.
            }

            if (attempt >= 100)
            {
                throw new IOException($"{path} stayed empty; delete it and start again.");
            }

            Thread.Sleep(20);
        }
    }
}
