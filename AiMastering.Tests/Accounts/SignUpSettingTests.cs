extern alias api;
using System.Net;
using System.Net.Http.Json;
using AiMastering.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AiMastering.Tests.Accounts;

/// <summary><c>Auth:AllowSignUp=false</c>: nobody makes an account from the web; the page is told so.</summary>
public sealed class SignUpSettingTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Directory.CreateTempSubdirectory("aim-signup-off").FullName;

    [Fact]
    public async Task With_sign_up_turned_off_the_sign_up_call_is_refused_and_me_says_so()
    {
        await using var factory = new WebApplicationFactory<api::Program>().WithWebHostBuilder(web => web
            .UseSetting("Auth:Mode", "Accounts")
            .UseSetting("Auth:AllowSignUp", "false")
            .UseSetting("Data:Folder", _folder));
        using var client = factory.CreateClient();
        using var me = await client.GetAsync("/account/me", Ct);
        var account = (await me.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(Ct))!;
        account["allowSignUp"]!.GetValue<bool>().ShouldBeFalse();
        var xsrf = me.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal)).Split(';')[0]["XSRF-TOKEN=".Length..];

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signup")
        {
            Content = JsonContent.Create(new { email = "someone@example.test", password = AccountSession.Password }),
        };
        request.Headers.Add("X-XSRF-TOKEN", xsrf);
        using var refused = await client.SendAsync(request, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await MasteringClient.ProblemAsync(refused, Ct))["code"]!.GetValue<string>().ShouldBe("sign_up_closed");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
