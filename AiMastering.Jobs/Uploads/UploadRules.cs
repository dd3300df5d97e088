using System.Globalization;
using AiMastering.Jobs.Model;

namespace AiMastering.Jobs.Uploads;

/// <summary>What may be uploaded: WAV, AIFF or FLAC, named accordingly, up to a size limit.</summary>
public static class UploadRules
{
    private static readonly Dictionary<string, string> FormatByType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["audio/wav"] = "wav",
        ["audio/x-wav"] = "wav",
        ["audio/wave"] = "wav",
        ["audio/vnd.wave"] = "wav",
        ["audio/aiff"] = "aiff",
        ["audio/x-aiff"] = "aiff",
        ["audio/flac"] = "flac",
        ["audio/x-flac"] = "flac",
    };

    private static readonly Dictionary<string, string> FormatByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".wav"] = "wav",
        [".wave"] = "wav",
        [".aif"] = "aiff",
        [".aiff"] = "aiff",
        [".flac"] = "flac",
    };

    public static IReadOnlyCollection<string> ContentTypes => FormatByType.Keys;

    /// <summary>File name extensions, with the dot.</summary>
    public static IReadOnlyCollection<string> Extensions => FormatByExtension.Keys;

    /// <summary>"wav" | "aiff" | "flac" for an accepted content type, else null.</summary>
    public static string? FormatOfType(string contentType) =>
        FormatByType.GetValueOrDefault(contentType.Split(';')[0].Trim());

    public static string? FormatOfFileName(string fileName) =>
        FormatByExtension.GetValueOrDefault(Path.GetExtension(fileName));

    /// <summary>Null when acceptable; else the code and a sentence a musician understands.</summary>
    public static (ErrorCode Code, string Message)? Check(string fileName, string contentType, long size, long maxBytes)
    {
        var typeFormat = FormatOfType(contentType ?? "");
        if (typeFormat is null)
        {
            return (ErrorCode.UnsupportedType,
                $"'{contentType}' is not a supported audio type. Upload a WAV, AIFF or FLAC file.");
        }

        var nameFormat = FormatOfFileName(fileName ?? "");
        if (nameFormat is null)
        {
            return (ErrorCode.ExtensionMismatch,
                $"'{fileName}' does not end in .wav, .wave, .aif, .aiff or .flac. Upload a WAV, AIFF or FLAC file.");
        }

        if (nameFormat != typeFormat)
        {
            return (ErrorCode.ExtensionMismatch,
                $"The file name says {nameFormat.ToUpperInvariant()} but the type says {typeFormat.ToUpperInvariant()}; they must agree.");
        }

        if (size <= 0)
        {
            return (ErrorCode.EmptyUpload, "The file is empty.");
        }

        if (size > maxBytes)
        {
            return (ErrorCode.FileTooLarge, $"File is {Megabytes(size)} MB; the limit is {Megabytes(maxBytes)} MB.");
        }

        return null;
    }

    public static string Megabytes(long bytes) =>
        Math.Round(bytes / 1_000_000.0, bytes < 10_000_000 ? 1 : 0).ToString(CultureInfo.InvariantCulture);
}
