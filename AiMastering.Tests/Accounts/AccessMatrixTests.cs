using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Accounts;

/// <summary>
/// Every endpoint of the API's own OpenAPI document × {anonymous, another user, the owner, an admin}: the
/// status each gets, against the app booted from the AppHost in accounts mode. An endpoint added to the
/// API without a row here fails the test, so none can slip out of the matrix.
/// </summary>
[Collection(AccountsAppCollection.Name)]
public sealed class AccessMatrixTests(AccountsAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public enum Who { Anonymous, Other, Admin, Owner }

    private sealed record Row(int Anonymous, int Other, int Admin, int Owner, Func<Who, Fixture, HttpContent?> Body, Func<Who, Fixture, string>? Path = null)
    {
        public int Expected(Who who) => who switch
        {
            Who.Anonymous => Anonymous,
            Who.Other => Other,
            Who.Admin => Admin,
            _ => Owner,
        };
    }

    /// <summary>What the rows need: the owner's jobs, upload and token.</summary>
    private sealed record Fixture(Guid DoneJob, Guid DeleteByAdmin, Guid DeleteByOwner, Guid FailedJob, string UploadKey, string TokenId, string OwnerEmail);

    private static HttpContent? None(Who who, Fixture f) => null;

    private static JsonContent Json(object body) => JsonContent.Create(body);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["GET /account/me"] = new(200, 200, 200, 200, None),
        ["POST /account/signup"] = new(200, 200, 200, 200, (_, _) => Json(new { email = $"{Guid.NewGuid():N}@example.test", password = AccountSession.Password })),
        ["POST /account/signin"] = new(200, 200, 200, 200, (_, f) => Json(new { email = f.OwnerEmail, password = AccountSession.Password })),
        ["POST /account/signout"] = new(204, 204, 204, 204, None),
        // Single sign-on: a redirect to the provider; the landing endpoint without the provider's answer goes back to the sign-in page.
        ["GET /account/oidc/signin"] = new(302, 302, 302, 302, None),
        ["GET /account/oidc/complete"] = new(302, 302, 302, 302, None),
        ["POST /account/tokens"] = new(401, 201, 201, 201, (_, _) => Json(new { name = "matrix" })),
        ["GET /account/tokens"] = new(401, 200, 200, 200, None),
        ["DELETE /account/tokens/{tokenId}"] = new(401, 404, 404, 204, None, (_, f) => $"/account/tokens/{f.TokenId}"),
        ["POST /uploads/presign"] = new(401, 200, 200, 200, (_, _) => Json(new { fileName = "m.wav", contentType = "audio/wav", size = 1000 })),
        ["POST /jobs"] = new(401, 400, 400, 201, (_, f) => Json(new { objectKey = f.UploadKey })),
        ["GET /jobs"] = new(401, 200, 200, 200, None),
        ["GET /jobs/{jobId}"] = new(401, 404, 200, 200, None, (_, f) => $"/jobs/{f.DoneJob}"),
        ["DELETE /jobs/{jobId}"] = new(401, 404, 204, 204, None, (who, f) => $"/jobs/{(who == Who.Admin ? f.DeleteByAdmin : f.DeleteByOwner)}"),
        ["GET /admin/jobs"] = new(401, 403, 200, 403, None),
        ["POST /admin/jobs/{jobId}/retry"] = new(401, 403, 202, 403, None, (_, f) => $"/admin/jobs/{f.FailedJob}/retry"),
        ["GET /admin/backends"] = new(401, 403, 200, 403, None),
        // The embedded store's URLs: the signature is the permission, whoever sends it (a bad one is 403 for all).
        ["PUT /blobs/upload"] = new(403, 403, 403, 403, (_, _) => new ByteArrayContent([1, 2, 3]),
            (_, _) => "/blobs/upload?key=uploads/x/0123/a.wav&max=10&type=audio%2Fwav&exp=99999999999&sig=forged"),
        ["GET /blobs/download"] = new(403, 403, 403, 403, None,
            (_, _) => "/blobs/download?key=jobs/0123/master.wav&name=a.wav&exp=99999999999&sig=forged"),
        // Public vocabulary of the product (presets, ranges), when the API has it.
        ["GET /catalog"] = new(200, 200, 200, 200, None),
    };

    [Fact]
    public async Task Every_endpoint_answers_each_kind_of_caller_as_expected()
    {
        using var owner = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        using var other = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        using var anonymous = await AccountSession.AnonymousAsync(app.WebAddress, Ct);
        var fixture = await PrepareAsync(owner);

        using var document = await owner.Http.GetAsync("/api/openapi/v1.json", Ct);
        document.StatusCode.ShouldBe(HttpStatusCode.OK);
        var paths = (await document.Content.ReadFromJsonAsync<JsonObject>(Ct))!["paths"]!.AsObject();
        var endpoints = paths.SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {Normalize(p.Key)}")).ToList();
        endpoints.Where(e => !Rows.ContainsKey(e)).ShouldBeEmpty("every endpoint in the OpenAPI document needs a row in the matrix");

        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.WebAddress };
        var failures = new List<string>();
        var checks = 0;
        foreach (var endpoint in endpoints)
        {
            var row = Rows[endpoint];
            var method = new HttpMethod(endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)]);
            foreach (var who in new[] { Who.Anonymous, Who.Other, Who.Admin, Who.Owner })
            {
                var path = row.Path?.Invoke(who, fixture) ?? endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..];
                using var request = new HttpRequestMessage(method, "/api" + path) { Content = row.Body(who, fixture) };
                if (request.Content is ByteArrayContent)
                {
                    request.Content.Headers.ContentType = new("audio/wav");
                }

                Authenticate(request, who switch { Who.Anonymous => anonymous, Who.Other => other, Who.Owner => owner, _ => null });
                using var response = await http.SendAsync(request, Ct);
                checks++;
                if ((int)response.StatusCode != row.Expected(who))
                {
                    failures.Add($"{endpoint} as {who}: {(int)response.StatusCode}, expected {row.Expected(who)} — {await response.Content.ReadAsStringAsync(Ct)}");
                }
            }
        }

        failures.ShouldBeEmpty();
        checks.ShouldBe(endpoints.Count * 4);
        TestContext.Current.SendDiagnosticMessage($"Access matrix: {endpoints.Count} endpoints × 4 callers = {checks} checks passed");
        void Authenticate(HttpRequestMessage request, AccountSession? session)
        {
            if (session is null)
            {
                request.Headers.Authorization = new("Bearer", app.AdminToken);
                return;
            }

            // Each caller's cookies, sent by hand so an answer (a sign-in, a sign-out) cannot change whose session the next row uses.
            // The session and antiforgery cookies are scoped to the API's path (/api).
            var api = new Uri(app.WebAddress, "/api/");
            request.Headers.Add("Cookie", session.Cookies.GetCookieHeader(api));
            if (session.Cookies.GetCookies(api)["XSRF-TOKEN"] is { } token)
            {
                request.Headers.Add("X-XSRF-TOKEN", token.Value);
            }

            // Laptop mode's header names the owner: in accounts mode it must change nothing.
            request.Headers.Add("X-User-Id", "owner-by-header");
        }
    }

    private static async Task<Fixture> PrepareAsync(AccountSession owner)
    {
        var mix = TestWav.Pcm16(44100, TestWav.MixLike(44100, 2, 2, 0.1));
        var done = await owner.Mastering.SubmitAsync("done.wav", mix, Ct);
        (await owner.Mastering.WaitAsync(done, TimeSpan.FromMinutes(2), Ct))["status"]!.GetValue<string>().ShouldBe("done");
        var notAudio = new byte[4096];
        Random.Shared.NextBytes(notAudio);
        var failed = await owner.Mastering.SubmitAsync("noise.wav", notAudio, Ct);
        var byAdmin = await owner.Mastering.SubmitAsync("delete-1.wav", notAudio, Ct);
        var byOwner = await owner.Mastering.SubmitAsync("delete-2.wav", notAudio, Ct);
        foreach (var id in new[] { failed, byAdmin, byOwner })
        {
            (await owner.Mastering.WaitAsync(id, TimeSpan.FromMinutes(2), Ct))["status"]!.GetValue<string>().ShouldBe("failed");
        }

        var (key, upload) = await owner.Mastering.UploadAsync("fresh.wav", "audio/wav", mix, Ct);
        upload.IsSuccessStatusCode.ShouldBeTrue();
        var (tokenId, _) = await owner.CreateTokenAsync(Ct);
        return new Fixture(done, byAdmin, byOwner, failed, key, tokenId, owner.Email!);
    }

    private static string Normalize(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
}
