using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AiMastering.Jobs.Model.Catalog;

namespace AiMastering.Tests.Application;

/// <summary><c>GET /api/catalog</c> through the web front door: the options form's vocabulary, cacheable.</summary>
[Collection(AppHostCollection.Name)]
public sealed class CatalogApiTests(AppHostFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Catalog_lists_the_presets_ranges_and_choices_the_validator_accepts()
    {
        using var response = await app.Web.GetAsync("/api/catalog", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var catalog = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;

        catalog["presets"]!.AsArray().Select(p => (p!["id"]!.GetValue<string>(), p["lufs"]!.GetValue<double>(), p["truePeakDbtp"]!.GetValue<double>(), p["labelKey"]!.GetValue<string>()))
            .ShouldBe(LoudnessPresets.All.Select(p => (p.Id, p.Lufs, p.TruePeakDbtp, $"target.{p.Id}")));
        catalog["defaultTarget"]!.GetValue<string>().ShouldBe("streaming");
        var custom = catalog["custom"]!;
        custom["id"]!.GetValue<string>().ShouldBe("custom");
        (custom["lufs"]!["min"]!.GetValue<double>(), custom["lufs"]!["max"]!.GetValue<double>()).ShouldBe((-30.0, -5.0));
        (custom["truePeakDbtp"]!["min"]!.GetValue<double>(), custom["truePeakDbtp"]!["max"]!.GetValue<double>()).ShouldBe((-6.0, 0.0));
        catalog["styles"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ShouldBe(["warm", "balanced", "bright"]);
        catalog["intensities"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ShouldBe(["low", "medium", "high"]);
        catalog["bitDepths"]!.AsArray().Select(b => b!.GetValue<int>()).ShouldBe([24, 16]);
        var uploads = catalog["uploads"]!;
        uploads["maxBytes"]!.GetValue<long>().ShouldBe(500_000_000);
        uploads["extensions"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldContain(".flac");
        catalog["errorCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldContain("too_many_channels");
        catalog["artifacts"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ShouldContain("masterAnalysis");
    }

    [Fact]
    public async Task Catalog_is_cacheable_and_a_conditional_request_gets_304()
    {
        using var first = await app.Web.GetAsync("/api/catalog", Ct);
        first.Headers.CacheControl.ShouldNotBeNull().Public.ShouldBeTrue();
        first.Headers.CacheControl.MaxAge.ShouldNotBeNull().ShouldBeGreaterThan(TimeSpan.Zero);
        var etag = first.Headers.ETag.ShouldNotBeNull();

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/catalog");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await app.Web.SendAsync(again, Ct);
        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await second.Content.ReadAsByteArrayAsync(Ct)).ShouldBeEmpty();

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/api/catalog");
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"old\""));
        using var third = await app.Web.SendAsync(stale, Ct);
        third.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Catalog_is_in_the_openapi_document()
    {
        var text = await app.Web.GetStringAsync("/api/openapi/v1.json", Ct);
        text.ShouldContain("\"/catalog\"");
        text.ShouldContain("CatalogResponse");
    }
}
