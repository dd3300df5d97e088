using System.Text.RegularExpressions;

namespace AiMastering.ApiService.Infrastructure;

/// <summary>
/// Who is calling. There are no accounts yet: the web app sends a random id it keeps in the
/// browser (<c>X-User-Id</c>); without one the caller is "anonymous". It scopes job lists and
/// uploads, it is not a security boundary — put the service behind your own auth to share it.
/// </summary>
public static partial class UserIdentity
{
    public const string Header = "X-User-Id";
    public const string Anonymous = "anonymous";

    public static string Of(HttpContext context)
    {
        var value = context.Request.Headers[Header].ToString();
        return ValidId().IsMatch(value) ? value.ToLowerInvariant() : Anonymous;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ValidId();
}
