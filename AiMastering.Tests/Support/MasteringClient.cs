using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiMastering.Tests.Support;

/// <summary>What a browser does, over HTTP through the web front door (<c>/api</c>).</summary>
public sealed class MasteringClient(HttpClient http, string? userId = null)
{
    public string UserId { get; } = userId ?? Guid.NewGuid().ToString("N");

    public async Task<HttpResponseMessage> PresignRawAsync(string fileName, string contentType, long size, CancellationToken ct, string kind = "source")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/uploads/presign")
        {
            Content = JsonContent.Create(new { fileName, contentType, size, kind }),
        };
        request.Headers.Add("X-User-Id", UserId);
        return await http.SendAsync(request, ct);
    }

    /// <summary>Presigns for <paramref name="declaredSize"/> and uploads <paramref name="bytes"/>; returns the key and the upload response.</summary>
    public async Task<(string Key, HttpResponseMessage Upload)> UploadAsync(
        string fileName, string contentType, byte[] bytes, CancellationToken ct, long? declaredSize = null, string kind = "source")
    {
        using var presign = await PresignRawAsync(fileName, contentType, declaredSize ?? bytes.Length, ct, kind);
        presign.StatusCode.ShouldBe(HttpStatusCode.OK, await presign.Content.ReadAsStringAsync(ct));
        var grant = (await presign.Content.ReadFromJsonAsync<JsonObject>(ct))!;
        var url = new Uri(http.BaseAddress!, grant["url"]!.GetValue<string>());
        HttpResponseMessage upload;
        if (grant["method"]!.GetValue<string>() == "POST")
        {
            using var form = new MultipartFormDataContent();
            foreach (var (k, v) in grant["fields"]!.AsObject())
            {
                form.Add(new StringContent(v!.GetValue<string>()), k);
            }

            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "file", fileName);
            upload = await http.PostAsync(url, form, ct);
        }
        else
        {
            var content = new ByteArrayContent(bytes);
            foreach (var (k, v) in grant["headers"]!.AsObject())
            {
                content.Headers.TryAddWithoutValidation(k, v!.GetValue<string>());
            }

            upload = await http.PutAsync(url, content, ct);
        }

        return (grant["objectKey"]!.GetValue<string>(), upload);
    }

    public async Task<HttpResponseMessage> CreateJobRawAsync(object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-User-Id", UserId);
        return await http.SendAsync(request, ct);
    }

    public async Task<Guid> SubmitAsync(string fileName, byte[] bytes, CancellationToken ct, object? options = null, string contentType = "audio/wav")
    {
        var (key, upload) = await UploadAsync(fileName, contentType, bytes, ct);
        upload.IsSuccessStatusCode.ShouldBeTrue(await upload.Content.ReadAsStringAsync(ct));
        using var created = await CreateJobRawAsync(new { objectKey = key, fileName, options }, ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>(ct))!;
        body["status"]!.GetValue<string>().ShouldBe("queued");
        return Guid.Parse(body["jobId"]!.GetValue<string>());
    }

    public async Task<JsonObject> GetJobAsync(Guid id, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{id}");
        request.Headers.Add("X-User-Id", UserId);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;
    }

    public async Task<JsonObject> ListJobsAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/jobs");
        request.Headers.Add("X-User-Id", UserId);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;
    }

    /// <summary>Polls every 250 ms until the job is done or failed.</summary>
    public async Task<JsonObject> WaitAsync(Guid id, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = await GetJobAsync(id, ct);
            var status = job["status"]!.GetValue<string>();
            if (status is "done" or "failed")
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Job {id} still {status} after {timeout}: {job.ToJsonString()}");
            }

            await Task.Delay(250, ct);
        }
    }

    public async Task<(byte[] Bytes, string? FileName)> DownloadAsync(string url, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(http.BaseAddress!, url), ct);
        response.EnsureSuccessStatusCode();
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName;
        return (await response.Content.ReadAsByteArrayAsync(ct), name);
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return JsonSerializer.Deserialize<JsonObject>(await response.Content.ReadAsStringAsync(ct))!;
    }
}
