using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AiMastering.Tests.Support;

namespace AiMastering.Tests.Application;

/// <summary>The request id: the client's id (or a new one) on every response, through the front door, and in problem+json.</summary>
[Collection(AppHostCollection.Name)]
public sealed class RequestIdTests(AppHostFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refusal_names_the_clients_request_id_in_its_header_and_its_problem()
    {
        var id = "client-" + Guid.NewGuid().ToString("N")[..12];
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{Guid.NewGuid()}");
        request.Headers.Add("X-Request-Id", id);

        using var response = await app.Web.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.GetValues("X-Request-Id").ShouldBe([id]);
        var problem = await MasteringClient.ProblemAsync(response, Ct);
        problem["requestId"]!.GetValue<string>().ShouldBe(id);
    }

    [Fact]
    public async Task Without_a_client_id_every_response_gets_a_new_one()
    {
        using var first = await app.Web.GetAsync("/api/health", Ct);
        using var second = await app.Web.GetAsync("/", Ct);

        var ids = new[] { first, second }.Select(r => r.Headers.GetValues("X-Request-Id").Single()).ToList();
        ids.ShouldAllBe(id => id.Length >= 16);
        ids.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task A_job_created_with_a_client_request_id_answers_with_it_and_completes()
    {
        var id = "client-" + Guid.NewGuid().ToString("N")[..12];
        var client = new MasteringClient(app.Web);
        var (key, upload) = await client.UploadAsync("Request Id.wav", "audio/wav", TestWav.Pcm16(44100, TestWav.MixLike(44100, 3, 2, 0.1)), Ct);
        upload.EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = JsonContent.Create(new { objectKey = key, fileName = "Request Id.wav" }) };
        request.Headers.Add("X-User-Id", client.UserId);
        request.Headers.Add("X-Request-Id", id);

        using var created = await app.Web.SendAsync(request, Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        created.Headers.GetValues("X-Request-Id").ShouldBe([id]);
        var jobId = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["jobId"]!.GetValue<Guid>();
        (await client.WaitAsync(jobId, TimeSpan.FromMinutes(2), Ct))["status"]!.GetValue<string>().ShouldBe("done");
    }
}
