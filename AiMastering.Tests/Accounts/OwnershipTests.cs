using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Accounts;

/// <summary>Jobs, uploads and files belong to the account that made them; admins see all.</summary>
[Collection(AccountsAppCollection.Name)]
public sealed class OwnershipTests(AccountsAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Mix => TestWav.Pcm16(44100, TestWav.MixLike(44100, 2, 2, 0.1));

    [Fact]
    public async Task Another_users_job_is_not_found_exactly_like_a_job_that_never_existed()
    {
        using var alice = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        using var bob = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        var jobId = await alice.Mastering.SubmitAsync("alice.wav", Mix, Ct);

        using var theirs = await bob.Http.GetAsync($"/api/jobs/{jobId}", Ct);
        using var nobodys = await bob.Http.GetAsync($"/api/jobs/{Guid.CreateVersion7()}", Ct);
        theirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var a = await MasteringClient.ProblemAsync(theirs, Ct);
        var b = await MasteringClient.ProblemAsync(nobodys, Ct);
        (a["code"]!.GetValue<string>(), a["detail"]!.GetValue<string>()).ShouldBe((b["code"]!.GetValue<string>(), b["detail"]!.GetValue<string>()));

        using var delete = await bob.Http.DeleteAsync($"/api/jobs/{jobId}", Ct);
        delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bob.Mastering.ListJobsAsync(Ct))["jobs"]!.AsArray().ShouldBeEmpty();
        (await alice.Mastering.GetJobAsync(jobId, Ct))["fileName"]!.GetValue<string>().ShouldBe("alice.wav", "bob's delete changed nothing");
    }

    [Fact]
    public async Task Another_users_upload_cannot_start_a_job()
    {
        using var alice = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        using var bob = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        var (key, _) = await alice.Mastering.UploadAsync("alice.wav", "audio/wav", Mix, Ct);
        using var create = await bob.Mastering.CreateJobRawAsync(new { objectKey = key }, Ct);
        create.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await MasteringClient.ProblemAsync(create, Ct))["code"]!.GetValue<string>().ShouldBe("upload_missing");
    }

    [Fact]
    public async Task An_upload_starts_one_job_only()
    {
        using var user = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        var (key, _) = await user.Mastering.UploadAsync("once.wav", "audio/wav", Mix, Ct);
        using var first = await user.Mastering.CreateJobRawAsync(new { objectKey = key }, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var second = await user.Mastering.CreateJobRawAsync(new { objectKey = key, options = new { target = "club" } }, Ct);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await MasteringClient.ProblemAsync(second, Ct);
        problem["code"]!.GetValue<string>().ShouldBe("upload_used");
        problem["detail"]!.GetValue<string>().ShouldBe("This upload has already been mastered. Upload the file again to master it with other settings.");
        (await user.Mastering.ListJobsAsync(Ct))["jobs"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Download_links_go_to_the_owner_and_the_admin_only_and_expire_within_15_minutes()
    {
        using var owner = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        using var admin = AccountSession.WithToken(app.WebAddress, app.AdminToken);
        var jobId = await owner.Mastering.SubmitAsync("links.wav", Mix, Ct);
        var job = await owner.Mastering.WaitAsync(jobId, TimeSpan.FromMinutes(2), Ct);
        job["status"]!.GetValue<string>().ShouldBe("done");
        var seenByAdmin = await admin.Mastering.GetJobAsync(jobId, Ct);
        (await admin.Mastering.ListJobsAsync(Ct))["jobs"]!.AsArray().ShouldBeEmpty("an admin's own list holds the admin's own jobs");

        foreach (var artifacts in new[] { job["artifacts"]!.AsObject(), seenByAdmin["artifacts"]!.AsObject() })
        {
            artifacts.Count.ShouldBeGreaterThanOrEqualTo(7);
            foreach (var (_, url) in artifacts)
            {
                var query = HttpUtility.ParseQueryString(new Uri(url!.GetValue<string>()).Query);
                var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(query["exp"]!, CultureInfo.InvariantCulture));
                (expires - DateTimeOffset.UtcNow).ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(15));
            }
        }

        var (master, _) = await owner.Mastering.DownloadAsync(job["artifacts"]!["master"]!.GetValue<string>(), Ct);
        master.Length.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task Deleting_a_job_removes_it_and_every_one_of_its_files_from_the_store()
    {
        using var owner = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        var jobId = await owner.Mastering.SubmitAsync("gone.wav", Mix, Ct);
        var job = await owner.Mastering.WaitAsync(jobId, TimeSpan.FromMinutes(2), Ct);
        job["status"]!.GetValue<string>().ShouldBe("done");
        var userId = (await owner.MeAsync(Ct))["userId"]!.GetValue<string>();
        var blobs = Path.Combine(app.DataFolder, "blobs");
        string[] FilesOfJob() =>
        [
            .. Directory.Exists(Path.Combine(blobs, "jobs", jobId.ToString("N"))) ? Directory.GetFiles(Path.Combine(blobs, "jobs", jobId.ToString("N")), "*", SearchOption.AllDirectories) : [],
            .. Directory.Exists(Path.Combine(blobs, "uploads", userId)) ? Directory.GetFiles(Path.Combine(blobs, "uploads", userId), "*", SearchOption.AllDirectories) : [],
        ];
        FilesOfJob().Length.ShouldBeGreaterThanOrEqualTo(8, "source + master, preview and the documents");

        using var delete = await owner.Http.DeleteAsync($"/api/jobs/{jobId}", Ct);
        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        FilesOfJob().ShouldBeEmpty();
        using var after = await owner.Http.GetAsync($"/api/jobs/{jobId}", Ct);
        after.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var link = await owner.Http.GetAsync(new Uri(job["artifacts"]!["master"]!.GetValue<string>()), Ct);
        link.StatusCode.ShouldBe(HttpStatusCode.NotFound, "an old download link finds nothing");
    }

    [Fact]
    public async Task The_admin_sees_and_retries_any_users_failed_job()
    {
        using var owner = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        using var admin = AccountSession.WithToken(app.WebAddress, app.AdminToken);
        var noise = new byte[4096];
        Random.Shared.NextBytes(noise);
        var jobId = await owner.Mastering.SubmitAsync("noise.wav", noise, Ct);
        (await owner.Mastering.WaitAsync(jobId, TimeSpan.FromMinutes(2), Ct))["status"]!.GetValue<string>().ShouldBe("failed");

        var all = (await admin.Http.GetFromJsonAsync<JsonObject>("/api/admin/jobs?status=failed", Ct))!["jobs"]!.AsArray();
        all.Select(j => j!["jobId"]!.GetValue<string>()).ShouldContain(jobId.ToString());
        using var retry = await admin.Http.PostAsync($"/api/admin/jobs/{jobId}/retry", null, Ct);
        retry.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }
}
