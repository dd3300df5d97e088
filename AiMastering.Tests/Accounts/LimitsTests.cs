using System.Diagnostics;
using System.Net;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Accounts;

/// <summary>What one person may ask of the service, refused with a stable code and a sentence a musician understands.</summary>
[Collection(AccountsAppCollection.Name)]
public sealed class LimitsTests(AccountsAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_track_whose_header_says_61_minutes_is_refused_before_anything_decodes_it()
    {
        using var user = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        // 61 minutes of 8 kHz mono 16-bit silence: a real file of that length, 58.6 MB.
        const int rate = 8000;
        var data = new byte[rate * 2 * 61 * 60];
        var wav = TestWav.Riff(rate, 1, 16, (uint)data.Length, data);
        var (key, upload) = await user.Mastering.UploadAsync("long set.wav", "audio/wav", wav, Ct);
        upload.IsSuccessStatusCode.ShouldBeTrue();

        var clock = Stopwatch.StartNew();
        using var create = await user.Mastering.CreateJobRawAsync(new { objectKey = key }, Ct);
        clock.Stop();
        create.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var problem = await MasteringClient.ProblemAsync(create, Ct);
        problem["code"]!.GetValue<string>().ShouldBe("too_long");
        problem["detail"]!.GetValue<string>().ShouldBe("The track is 61:00 long; the limit here is 60 minutes.");
        (await user.Mastering.ListJobsAsync(Ct))["jobs"]!.AsArray().ShouldBeEmpty();
        TestContext.Current.SendDiagnosticMessage($"too_long answered in {clock.ElapsedMilliseconds} ms for a 58.6 MB file");
    }

    [Fact]
    public async Task A_fourth_job_while_three_wait_or_run_is_refused_with_retry_after()
    {
        using var user = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        // Long enough (30 s of audio) that none of the three is done before the fourth is asked for.
        var mix = TestWav.Pcm16(44100, TestWav.MixLike(44100, 30, 2, 0.1));
        var keys = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            keys.Add((await user.Mastering.UploadAsync($"song {i}.wav", "audio/wav", mix, Ct)).Key);
        }

        for (var i = 0; i < 3; i++)
        {
            using var accepted = await user.Mastering.CreateJobRawAsync(new { objectKey = keys[i] }, Ct);
            accepted.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var refused = await user.Mastering.CreateJobRawAsync(new { objectKey = keys[3] }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60));
        var problem = await MasteringClient.ProblemAsync(refused, Ct);
        problem["code"]!.GetValue<string>().ShouldBe("too_many_jobs");
        problem["detail"]!.GetValue<string>().ShouldBe("You already have 3 masters waiting or in progress. Start this one when one of them is done.");

        using var other = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        using var othersJob = await other.Mastering.CreateJobRawAsync(
            new { objectKey = (await other.Mastering.UploadAsync("b.wav", "audio/wav", mix, Ct)).Key }, Ct);
        othersJob.StatusCode.ShouldBe(HttpStatusCode.Created, "the limit is per user");
    }

    [Fact]
    public async Task Uploads_past_the_storage_quota_are_refused_at_presign()
    {
        using var user = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        var mix = TestWav.Pcm16(44100, TestWav.MixLike(44100, 10, 2, 0.1));
        var (_, upload) = await user.Mastering.UploadAsync("kept.wav", "audio/wav", mix, Ct);
        upload.IsSuccessStatusCode.ShouldBeTrue();

        var room = AccountsAppFixture.MaxStoredBytesPerUser - mix.Length;
        using (var fits = await user.Mastering.PresignRawAsync("fits.wav", "audio/wav", room, Ct))
        {
            fits.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var over = await user.Mastering.PresignRawAsync("over.wav", "audio/wav", room + 1, Ct);
        over.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var problem = await MasteringClient.ProblemAsync(over, Ct);
        problem["code"]!.GetValue<string>().ShouldBe("quota_exceeded");
        problem["detail"]!.GetValue<string>().ShouldBe("You keep 2 MB here; this file (98 MB) would pass the 100 MB limit. Delete older masters to make room.");
    }

    [Fact]
    public async Task More_than_30_upload_requests_a_minute_from_one_user_are_refused()
    {
        using var user = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        for (var i = 0; i < 30; i++)
        {
            using var ok = await user.Mastering.PresignRawAsync("a.wav", "audio/wav", 1000, Ct);
            ok.StatusCode.ShouldBe(HttpStatusCode.OK, $"request {i + 1}");
        }

        using var refused = await user.Mastering.PresignRawAsync("a.wav", "audio/wav", 1000, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await MasteringClient.ProblemAsync(refused, Ct))["code"]!.GetValue<string>().ShouldBe("rate_limited");

        using var other = await AccountSession.SignUpAsync(app.WebAddress, Ct);
        using var othersRequest = await other.Mastering.PresignRawAsync("a.wav", "audio/wav", 1000, Ct);
        othersRequest.StatusCode.ShouldBe(HttpStatusCode.OK, "another user has a budget of their own");
    }
}
