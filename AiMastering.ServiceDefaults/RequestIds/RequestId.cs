using System.Text.RegularExpressions;

namespace AiMastering.ServiceDefaults.RequestIds;

/// <summary>What a request id may be: a short token safe to log, store and put back in a header.</summary>
public static partial class RequestId
{
    /// <summary>The client's id when it is 1–64 letters, digits or <c>._:-</c>; otherwise none (a new one is made).</summary>
    public static string? FromClient(string? value) => value is not null && Token().IsMatch(value) ? value : null;

    public static string New() => Guid.CreateVersion7().ToString("N");

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex Token();
}
