using System.Net;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Accounts;

/// <summary>OpenID Connect sign-in against a real provider (OpenIddict) started by the fixture, over real redirects.</summary>
[Collection(AccountsAppCollection.Name)]
public sealed class SingleSignOnTests(AccountsAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_in_through_the_provider_makes_one_account_and_finds_it_again_next_time()
    {
        var accounts = new List<string>();
        for (var visit = 0; visit < 2; visit++)
        {
            using var browser = await AccountSession.AnonymousAsync(app.WebAddress, Ct);
            (await browser.MeAsync(Ct))["singleSignOn"]!.GetValue<string>().ShouldBe("Test SSO");
            await SignInThroughProviderAsync(browser);

            var me = await browser.MeAsync(Ct);
            me["signedIn"]!.GetValue<bool>().ShouldBeTrue(me.ToJsonString());
            me["email"]!.GetValue<string>().ShouldBe(OidcTestServer.Email);
            accounts.Add(me["userId"]!.GetValue<string>());
            (await browser.Mastering.ListJobsAsync(Ct))["jobs"].ShouldNotBeNull("the session works for the API");
        }

        accounts.Distinct().ShouldHaveSingleItem();
    }

    /// <summary>What a browser does: follow the redirect to the provider, then its answer back, then the redirects home.</summary>
    private async Task SignInThroughProviderAsync(AccountSession browser)
    {
        using var start = await browser.Http.GetAsync("/api/account/oidc/signin", Ct);
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect, await start.Content.ReadAsStringAsync(Ct));
        start.Headers.Location!.ToString().ShouldStartWith(new Uri(app.OidcIssuer).GetLeftPart(UriPartial.Authority));

        // The provider signs its one person in at once and sends the browser back with a code (response_mode=query).
        using var provider = await browser.Http.GetAsync(start.Headers.Location, Ct);
        provider.StatusCode.ShouldBe(HttpStatusCode.Redirect, await provider.Content.ReadAsStringAsync(Ct));
        provider.Headers.Location!.AbsolutePath.ShouldBe("/api/signin-oidc");
        provider.Headers.Location.Query.ShouldContain("code=");

        using var callback = await browser.Http.GetAsync(provider.Headers.Location, Ct);
        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect, await callback.Content.ReadAsStringAsync(Ct));
        using var complete = await browser.Http.GetAsync(callback.Headers.Location, Ct);
        complete.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        complete.Headers.Location!.ToString().ShouldBe("/");
    }
}
