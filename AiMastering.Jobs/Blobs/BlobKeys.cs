using System.Text;
using System.Text.RegularExpressions;

namespace AiMastering.Jobs.Blobs;

/// <summary>The key layout, and the file names musicians see when they download.</summary>
public static partial class BlobKeys
{
    public static string Upload(string userId, Guid id, string fileName) =>
        $"{UploadPrefix(userId)}{id:N}/{SafeFileName(fileName)}";

    /// <summary>
    /// <c>jobs/{jobId}/{attempt}/{file}</c>: each attempt writes under its own prefix, so a worker that lost
    /// its lease and one that took the job over never write the same object. The job record keeps the
    /// keys of the attempt that completed it.
    /// </summary>
    public static string Artifact(Guid jobId, int attempt, string artifactFileName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempt);
        return $"{ArtifactPrefix(jobId)}{attempt}/{artifactFileName}";
    }

    /// <summary>Where every file a job produced lives (a listing of it finds them all).</summary>
    public static string ArtifactPrefix(Guid jobId) => $"jobs/{jobId:N}/";

    /// <summary>Where a user's uploads live.</summary>
    public static string UploadPrefix(string userId) => $"uploads/{SafeSegment(userId)}/";

    /// <summary>True when the key belongs to this user's uploads.</summary>
    public static bool IsUploadOf(string key, string userId) =>
        key.StartsWith(UploadPrefix(userId), StringComparison.Ordinal) && IsWellFormed(key);

    /// <summary>Only [A-Za-z0-9._-] segments, no empty segment, no "." or "..".</summary>
    public static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= 512
        && key.Split('/').All(s => s.Length > 0 && s != "." && s != ".." && SegmentPattern().IsMatch(s));

    /// <summary>"My Song (final).wav" → "My-Song-final.wav"; never empty, never a path.</summary>
    public static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var sb = new StringBuilder(name.Length);
        // Keys are internal (downloads keep the musician's own title): plain ASCII, nothing else.
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            {
                sb.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '(' or ')' or '[' or ']' or ',' or '&' or '+')
            {
                if (sb.Length > 0 && sb[^1] != '-')
                {
                    sb.Append('-');
                }
            }
        }

        var safe = MultiDash().Replace(sb.ToString(), "-").Replace("-.", ".", StringComparison.Ordinal).Trim('-', '.');
        if (safe.Length > 100)
        {
            var ext = Path.GetExtension(safe);
            safe = safe[..(100 - ext.Length)] + ext;
        }

        return safe.Length == 0 ? "audio" : safe;
    }

    /// <summary>"My Song.wav" → "My Song-master.wav" (the name a musician gets for an artifact).</summary>
    public static string DownloadName(string sourceFileName, string suffix, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(sourceFileName.Replace('\\', '/')));
        stem = new string(stem.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim();
        if (stem.Length == 0)
        {
            stem = "audio";
        }

        return $"{stem}-{suffix}{extension}";
    }

    private static string SafeSegment(string value) => SafeFileName(value);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SegmentPattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex MultiDash();
}
