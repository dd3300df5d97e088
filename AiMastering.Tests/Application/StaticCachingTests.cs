using System.Text.RegularExpressions;

namespace AiMastering.Tests.Application;

/// <summary>What a CDN or browser may cache from the web front door.</summary>
[Collection(AppHostCollection.Name)]
public sealed partial class StaticCachingTests(AppHostFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Index_html_is_revalidated_and_the_hashed_bundles_it_names_are_cached_for_a_year()
    {
        using var index = await app.Web.GetAsync("/", Ct);
        index.EnsureSuccessStatusCode();
        index.Headers.CacheControl!.NoCache.ShouldBeTrue();
        var html = await index.Content.ReadAsStringAsync(Ct);
        var bundles = Bundle().Matches(html).Select(m => m.Groups["name"].Value).Distinct().ToList();
        bundles.ShouldNotBeEmpty(html);

        foreach (var bundle in bundles)
        {
            using var response = await app.Web.GetAsync("/" + bundle, Ct);
            response.EnsureSuccessStatusCode();
            response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable", bundle);
        }
    }

    [Fact]
    public async Task A_client_side_route_gets_index_html_revalidated_too()
    {
        using var response = await app.Web.GetAsync("/jobs/some-page", Ct);
        response.EnsureSuccessStatusCode();
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
    }

    [GeneratedRegex("(?:src|href)=\"(?<name>[a-z]+-[A-Z0-9]{8}\\.(?:js|css))\"")]
    private static partial Regex Bundle();
}
