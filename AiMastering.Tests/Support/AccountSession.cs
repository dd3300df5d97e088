using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AiMastering.Tests.Support;

/// <summary>
/// One person against the web front door in accounts mode: a browser-like client with its own cookies
/// (session + antiforgery), or a script with an API token. <see cref="Mastering"/> drives uploads and jobs as that person.
/// </summary>
public sealed class AccountSession : IDisposable
{
    public const string Password = "correct horse battery staple";

    private readonly XsrfHandler _handler;

    private AccountSession(Uri baseAddress, string? bearer)
    {
        Cookies = new CookieContainer();
        _handler = new XsrfHandler(Cookies);
        Http = new HttpClient(_handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (bearer is not null)
        {
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        Mastering = new MasteringClient(Http);
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    public MasteringClient Mastering { get; }

    public string? Email { get; private set; }

    public bool SendAntiforgeryToken { get => _handler.SendToken; set => _handler.SendToken = value; }

    /// <summary>Nobody signed in (the antiforgery cookie is fetched, as the web app does on load).</summary>
    public static async Task<AccountSession> AnonymousAsync(Uri baseAddress, CancellationToken ct)
    {
        var session = new AccountSession(baseAddress, null);
        (await session.Http.GetAsync("/api/account/me", ct)).EnsureSuccessStatusCode();
        return session;
    }

    /// <summary>A script calling with <c>Authorization: Bearer</c>.</summary>
    public static AccountSession WithToken(Uri baseAddress, string token) => new(baseAddress, token);

    /// <summary>A new account made on the sign-up endpoint, signed in with its session cookie.</summary>
    public static async Task<AccountSession> SignUpAsync(Uri baseAddress, CancellationToken ct, string? email = null)
    {
        var session = await AnonymousAsync(baseAddress, ct);
        session.Email = email ?? $"{Guid.NewGuid():N}@example.test";
        using var response = await session.Http.PostAsJsonAsync("/api/account/signup", new { email = session.Email, password = Password }, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        return session;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password, CancellationToken ct)
    {
        Email = email;
        return await Http.PostAsJsonAsync("/api/account/signin", new { email, password }, ct);
    }

    public async Task<JsonObject> MeAsync(CancellationToken ct) =>
        (await Http.GetFromJsonAsync<JsonObject>("/api/account/me", ct))!;

    public async Task<(string Id, string Token)> CreateTokenAsync(CancellationToken ct, string name = "test")
    {
        using var response = await Http.PostAsJsonAsync("/api/account/tokens", new { name }, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;
        return (body["id"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    public void Dispose() => Http.Dispose();
}
