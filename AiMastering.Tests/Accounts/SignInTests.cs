using System.Net;
using System.Net.Http.Json;
using AiMastering.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AiMastering.Tests.Accounts;

/// <summary>Accounts mode through the web front door: sessions, antiforgery, lockout, API tokens, what is stored.</summary>
[Collection(AccountsAppCollection.Name)]
public sealed class SignInTests(AccountsAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_up_starts_a_session_in_an_httponly_samesite_lax_cookie()
    {
        using var anonymous = await AccountSession.AnonymousAsync(app.WebAddress, Ct);
        var email = $"{Guid.NewGuid():N}@example.test";
        using var response = await anonymous.Http.PostAsJsonAsync("/api/account/signup", new { email, password = AccountSession.Password }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("aim.session=", StringComparison.Ordinal)).ToLowerInvariant();
        session.ShouldContain("httponly");
        session.ShouldContain("samesite=lax");
        session.ShouldNotContain("secure", customMessage: "plain HTTP here; Secure is set when the request came over HTTPS");

        var me = await anonymous.MeAsync(Ct);
        me["mode"]!.GetValue<string>().ShouldBe("accounts");
        me["signedIn"]!.GetValue<bool>().ShouldBeTrue();
        me["email"]!.GetValue<string>().ShouldBe(email);
        me["isAdmin"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Without_a_session_the_api_answers_401_whatever_X_User_Id_says()
    {
        using var owner = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        var jobId = await owner.Mastering.SubmitAsync("mine.wav", TestWav.Pcm16(44100, TestWav.MixLike(44100, 2, 2, 0.1)), Ct);
        var ownerId = (await owner.MeAsync(Ct))["userId"]!.GetValue<string>();

        using var stranger = await AccountSession.AnonymousAsync(app.WebAddress, Ct);
        foreach (var path in new[] { $"/api/jobs/{jobId}", "/api/jobs", "/api/admin/jobs" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-User-Id", ownerId);
            using var response = await stranger.Http.SendAsync(request, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
        }
    }

    [Fact]
    public async Task A_state_changing_call_from_the_session_without_the_antiforgery_token_is_refused()
    {
        using var user = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        user.SendAntiforgeryToken = false;
        using var refused = await user.Http.PostAsJsonAsync("/api/uploads/presign", new { fileName = "a.wav", contentType = "audio/wav", size = 1000 }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await MasteringClient.ProblemAsync(refused, Ct))["code"]!.GetValue<string>().ShouldBe("antiforgery_failed");

        user.SendAntiforgeryToken = true;
        using var accepted = await user.Http.PostAsJsonAsync("/api/uploads/presign", new { fileName = "a.wav", contentType = "audio/wav", size = 1000 }, Ct);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var owner = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        using var attacker = await AccountSession.AnonymousAsync(app.WebAddress, Ct);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await attacker.SignInAsync(owner.Email!, "not the password at all", Ct);
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var locked = await attacker.SignInAsync(owner.Email!, AccountSession.Password, Ct);
        locked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await MasteringClient.ProblemAsync(locked, Ct))["detail"]!.GetValue<string>().ShouldContain("try again in a few minutes");
    }

    [Fact]
    public async Task An_api_token_works_until_it_is_revoked()
    {
        using var owner = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        var (id, token) = await owner.CreateTokenAsync(Ct, "script");
        token.ShouldStartWith("aim_");
        using var script = AccountSession.WithToken(app.WebAddress, token);
        var jobId = await script.Mastering.SubmitAsync("by-script.wav", TestWav.Pcm16(44100, TestWav.MixLike(44100, 2, 2, 0.1)), Ct);
        (await owner.Mastering.GetJobAsync(jobId, Ct))["fileName"]!.GetValue<string>().ShouldBe("by-script.wav", "the token acts as its owner");

        using var revoke = await owner.Http.DeleteAsync($"/api/account/tokens/{id}", Ct);
        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var after = await script.Http.GetAsync("/api/jobs", Ct);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Passwords_and_tokens_are_stored_only_as_hashes()
    {
        using var owner = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        var (_, token) = await owner.CreateTokenAsync(Ct);
        await using var db = new SqliteConnection($"Data Source={Path.Combine(app.DataFolder, "accounts.db")};Mode=ReadOnly");
        await db.OpenAsync(Ct);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT u.PasswordHash, t.Hash FROM AspNetUsers u JOIN ApiTokens t ON t.UserId = u.Id WHERE u.Email = $email";
        command.Parameters.AddWithValue("$email", owner.Email);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        (await reader.ReadAsync(Ct)).ShouldBeTrue();
        var passwordHash = reader.GetString(0);
        passwordHash.ShouldNotContain(AccountSession.Password);
        Convert.FromBase64String(passwordHash)[0].ShouldBe((byte)1, "Identity's v3 format (PBKDF2)");
        reader.GetString(1).ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))));
        (await File.ReadAllTextAsync(Path.Combine(app.DataFolder, "accounts.db"), Ct)).ShouldNotContain(token);
    }

    [Fact]
    public async Task The_admin_made_by_the_cli_signs_in_with_its_password_and_sees_the_admin_api()
    {
        using var admin = await AccountSession.AnonymousAsync(app.WebAddress, Ct);
        using var signIn = await admin.SignInAsync(app.AdminEmail, AccountSession.Password, Ct);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.MeAsync(Ct))["isAdmin"]!.GetValue<bool>().ShouldBeTrue();
        using var jobs = await admin.Http.GetAsync("/api/admin/jobs", Ct);
        jobs.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var user = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        using var forbidden = await user.Http.GetAsync("/api/admin/jobs", Ct);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var user = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        using var signOut = await user.Http.PostAsync("/api/account/signout", null, Ct);
        signOut.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await user.MeAsync(Ct))["signedIn"]!.GetValue<bool>().ShouldBeFalse();
        using var jobs = await user.Http.GetAsync("/api/jobs", Ct);
        jobs.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
