using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace AiMastering.Web;

/// <summary>
/// Cache headers a CDN and browsers can follow: the Angular build's hashed files (<c>main-ABCD1234.js</c>) never change
/// under their name, so they are cached for a year; <c>index.html</c>, which names them, and every other unhashed file
/// are revalidated on each load, so a deploy is seen at once.
/// </summary>
public static partial class StaticFileCaching
{
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";

    public static StaticFileOptions Options { get; } = new() { OnPrepareResponse = Apply };

    public static string For(string fileName) => HashedName().IsMatch(fileName) ? Immutable : Revalidate;

    private static void Apply(StaticFileResponseContext context) =>
        context.Context.Response.Headers[HeaderNames.CacheControl] = For(context.File.Name);

    /// <summary>The Angular application builder's output hashing: <c>name-XXXXXXXX.ext</c>, eight upper-case letters or digits.</summary>
    [GeneratedRegex("-[A-Z0-9]{8}\\.[a-z0-9]+$")]
    private static partial Regex HashedName();
}
