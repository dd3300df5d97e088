using System.Net;

namespace AiMastering.Tests.Accounts;

/// <summary>What the web front door tells every browser, on the app's pages and on the API's answers.</summary>
[Collection(AccountsAppCollection.Name)]
public sealed class SecurityHeadersTests(AccountsAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/", "default-src 'self'; script-src 'self';")]
    [InlineData("/signin", "frame-ancestors 'none'")]
    [InlineData("/api/account/me", "frame-ancestors 'none'")]
    [InlineData("/api/jobs", "frame-ancestors 'none'")]
    public async Task Every_answer_forbids_framing_and_sniffing_and_names_no_server(string path, string policyPart)
    {
        using var http = new HttpClient { BaseAddress = app.WebAddress };
        using var response = await http.GetAsync(path, Ct);
        ((int)response.StatusCode).ShouldBeOneOf(200, 401);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain(policyPart);
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.Contains("Server").ShouldBeFalse();
    }

    [Fact]
    public async Task The_api_refuses_a_json_body_larger_than_64_kb()
    {
        using var user = await Support.AccountSession.SignUpAsync(app.WebAddress, Ct);
        using var response = await user.Http.PostAsync("/api/account/tokens",
            new StringContent($"{{\"name\":\"{new string('x', 70_000)}\"}}", System.Text.Encoding.UTF8, "application/json"), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }
}
