using System.Text;

namespace AiMastering.Jobs.Blobs.S3;

/// <summary><c>attachment; filename="…"</c> with an ASCII fallback and RFC 5987 <c>filename*</c> for the rest.</summary>
public static class ContentDispositions
{
    public static string Attachment(string fileName)
    {
        var ascii = new StringBuilder(fileName.Length);
        var needsExtended = false;
        foreach (var c in fileName)
        {
            if (c is >= ' ' and < (char)127 && c is not ('"' or '\\'))
            {
                ascii.Append(c);
            }
            else
            {
                needsExtended = true;
                ascii.Append('_');
            }
        }

        var value = $"attachment; filename=\"{ascii}\"";
        return needsExtended ? $"{value}; filename*=UTF-8''{Uri.EscapeDataString(fileName)}" : value;
    }
}
