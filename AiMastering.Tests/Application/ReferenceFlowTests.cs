using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Application;

/// <summary>Mastering to a reference track through the whole application.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ReferenceFlowTests(AppHostFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_mix_mastered_to_a_reference_reports_three_spectra_and_the_reference_analysis()
    {
        var client = new MasteringClient(app.Web);
        var (mixKey, _) = await client.UploadAsync("mix.wav", "audio/wav", TestWav.Pcm16(44100, TestWav.MixLike(44100, 8, 2, 0.05, seed: 5)), Ct);
        var (refKey, _) = await client.UploadAsync("ref.wav", "audio/wav", TestWav.Pcm16(48000, TestWav.MixLike(48000, 8, 2, 0.3, seed: 9)), Ct, kind: "reference");
        using var created = await client.CreateJobRawAsync(new { objectKey = mixKey, fileName = "mix.wav", referenceObjectKey = refKey, referenceFileName = "ref.wav", options = new { amount = 80 } }, Ct);
        created.IsSuccessStatusCode.ShouldBeTrue(await created.Content.ReadAsStringAsync(Ct));
        var jobId = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["jobId"]!.GetValue<Guid>();

        var job = await client.WaitAsync(jobId, TimeSpan.FromMinutes(2), Ct);
        job["status"]!.GetValue<string>().ShouldBe("done", job.ToJsonString());
        job["options"]!["target"]!.GetValue<string>().ShouldBe("reference");
        var artifacts = job["artifacts"]!.AsObject();
        artifacts.ContainsKey("referenceAnalysis").ShouldBeTrue();

        var (reportBytes, _) = await client.DownloadAsync(artifacts["report"]!.GetValue<string>(), Ct);
        var report = JsonNode.Parse(reportBytes)!;
        report["spectra"]!["source"]!.AsArray().Count.ShouldBeGreaterThan(10);
        report["spectra"]!["reference"]!.AsArray().Count.ShouldBeGreaterThan(10);
        report["spectra"]!["master"]!.AsArray().Count.ShouldBeGreaterThan(10);
        var (decisionBytes, _) = await client.DownloadAsync(artifacts["decision"]!.GetValue<string>(), Ct);
        JsonNode.Parse(decisionBytes)!["rules"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ShouldContain(n => n.StartsWith("reference", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reference_shorter_than_five_seconds_fails_the_job_saying_so()
    {
        var client = new MasteringClient(app.Web);
        var (mixKey, _) = await client.UploadAsync("mix.wav", "audio/wav", TestWav.Pcm16(44100, TestWav.MixLike(44100, 6, 2, 0.1)), Ct);
        var (refKey, _) = await client.UploadAsync("short.wav", "audio/wav", TestWav.Pcm16(44100, TestWav.MixLike(44100, 3, 2, 0.3)), Ct, kind: "reference");
        using var created = await client.CreateJobRawAsync(new { objectKey = mixKey, referenceObjectKey = refKey, referenceFileName = "short.wav" }, Ct);
        var jobId = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["jobId"]!.GetValue<Guid>();

        var job = await client.WaitAsync(jobId, TimeSpan.FromMinutes(1), Ct);
        job["status"]!.GetValue<string>().ShouldBe("failed");
        job["error"]!["code"]!.GetValue<string>().ShouldBe("reference_too_short");
        job["error"]!["message"]!.GetValue<string>().ShouldContain("5");
    }
}
