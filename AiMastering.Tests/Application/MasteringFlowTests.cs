using System.Net;
using AiMastering.Testing;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Application;

/// <summary>The whole product booted from the AppHost, driven over HTTP through the web front door.</summary>
[Collection(AppHostCollection.Name)]
public sealed class MasteringFlowTests(AppHostFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dropped_mix_comes_back_as_a_master_with_the_same_shape_at_the_target_loudness()
    {
        var client = new MasteringClient(app.Web);
        var mix = TestWav.Pcm16(44100, TestWav.MixLike(44100, 12, 2, 0.1));
        var jobId = await client.SubmitAsync("My Song.wav", mix, Ct);

        var job = await client.WaitAsync(jobId, TimeSpan.FromMinutes(2), Ct);
        job["status"]!.GetValue<string>().ShouldBe("done", job.ToJsonString());
        job["attempts"]!.GetValue<int>().ShouldBe(1);
        var artifacts = job["artifacts"]!.AsObject();
        artifacts.ContainsKey("master").ShouldBeTrue();
        artifacts.ContainsKey("preview").ShouldBeTrue();

        var (master, name) = await client.DownloadAsync(artifacts["master"]!.GetValue<string>(), Ct);
        name.ShouldBe("My Song-master.wav");
        var folder = Directory.CreateTempSubdirectory("aim-flow").FullName;
        var inPath = Path.Combine(folder, "in.wav");
        var outPath = Path.Combine(folder, "master.wav");
        await File.WriteAllBytesAsync(inPath, mix, Ct);
        await File.WriteAllBytesAsync(outPath, master, Ct);

        var input = await FfmpegMeter.ProbeAsync(inPath, Ct);
        var output = await FfmpegMeter.ProbeAsync(outPath, Ct);
        output.SampleRate.ShouldBe(input.SampleRate);
        output.Channels.ShouldBe(input.Channels);
        output.Samples.ShouldBe(input.Samples);
        output.Codec.ShouldBe("pcm_s24le");
        var loudness = FfmpegLoudness.Measure(outPath);
        loudness.IntegratedLufs.ShouldBe(-14, 1.0);
        loudness.TruePeakDbtp.ShouldBeLessThanOrEqualTo(-0.9);

        var (preview, previewName) = await client.DownloadAsync(artifacts["preview"]!.GetValue<string>(), Ct);
        previewName.ShouldBe("My Song-master-preview.mp3");
        preview.Length.ShouldBeGreaterThan(100_000);
        var previewPath = Path.Combine(folder, "preview.mp3");
        await File.WriteAllBytesAsync(previewPath, preview, Ct);
        (await Encoding.PlayerDecode.WarningsAsync(previewPath, Ct)).ShouldBeEmpty();
        (await Encoding.PlayerDecode.DecodeAsync(previewPath, Ct)).Length.ShouldBe((int)input.Samples, "the preview plays for exactly the master's length");
    }

    [Fact]
    public async Task Recent_jobs_list_only_the_callers_jobs_newest_first()
    {
        var alice = new MasteringClient(app.Web);
        var bob = new MasteringClient(app.Web);
        var mix = TestWav.Pcm16(44100, TestWav.MixLike(44100, 2, 2, 0.1));
        var first = await alice.SubmitAsync("one.wav", mix, Ct);
        var second = await alice.SubmitAsync("two.wav", mix, Ct);
        await bob.SubmitAsync("bob.wav", mix, Ct);

        var jobs = (await alice.ListJobsAsync(Ct))["jobs"]!.AsArray();
        jobs.Select(j => Guid.Parse(j!["jobId"]!.GetValue<string>())).ShouldBe([second, first]);
    }

    [Theory]
    [InlineData("huge.wav", "audio/wav", 600_000_000L, "file_too_large", "File is 600 MB; the limit is 500 MB.")]
    [InlineData("notes.txt", "text/plain", 1000L, "unsupported_type", "'text/plain' is not a supported audio type. Upload a WAV, AIFF or FLAC file.")]
    public async Task Presign_refuses_what_cannot_be_mastered(string name, string type, long size, string code, string detail)
    {
        using var response = await new MasteringClient(app.Web).PresignRawAsync(name, type, size, Ct);
        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        var problem = await MasteringClient.ProblemAsync(response, Ct);
        problem["code"]!.GetValue<string>().ShouldBe(code);
        problem["detail"]!.GetValue<string>().ShouldBe(detail);
    }

    [Fact]
    public async Task An_upload_larger_than_signed_is_cut_off_and_nothing_is_kept()
    {
        var client = new MasteringClient(app.Web);
        var bytes = TestWav.Pcm16(44100, TestWav.MixLike(44100, 2, 2, 0.1));
        var (key, upload) = await client.UploadAsync("sneaky.wav", "audio/wav", bytes, Ct, declaredSize: 10_000);
        upload.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        using var create = await client.CreateJobRawAsync(new { objectKey = key }, Ct);
        create.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await MasteringClient.ProblemAsync(create, Ct))["code"]!.GetValue<string>().ShouldBe("upload_missing");
    }

    [Fact]
    public async Task A_job_for_a_file_never_uploaded_is_refused()
    {
        var client = new MasteringClient(app.Web);
        using var create = await client.CreateJobRawAsync(new { objectKey = $"uploads/{client.UserId}/0123/missing.wav" }, Ct);
        create.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await MasteringClient.ProblemAsync(create, Ct);
        problem["code"]!.GetValue<string>().ShouldBe("upload_missing");
    }

    [Fact]
    public async Task Invalid_options_are_a_4xx_naming_the_field_never_a_failed_job()
    {
        var client = new MasteringClient(app.Web);
        var (key, _) = await client.UploadAsync("a.wav", "audio/wav", TestWav.Pcm16(44100, TestWav.MixLike(44100, 2, 2, 0.1)), Ct);
        using var create = await client.CreateJobRawAsync(new { objectKey = key, options = new { target = "radio", bitDepth = 20 } }, Ct);
        create.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await MasteringClient.ProblemAsync(create, Ct);
        problem["code"]!.GetValue<string>().ShouldBe("invalid_options");
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["options.target", "options.bitDepth"], ignoreOrder: true);
        (await client.ListJobsAsync(Ct))["jobs"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_api_describes_itself_with_openapi()
    {
        using var response = await app.Web.GetAsync("/api/openapi/v1.json", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync(Ct);
        text.ShouldContain("/uploads/presign");
        text.ShouldContain("/jobs/{jobId}");
    }
}
