using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiMastering.Tests.Support;
using AiMastering.UnitTests.Infrastructure;

namespace AiMastering.Tests.Infrastructure;

/// <summary>
/// The API and two separate worker processes on real RabbitMQ + Ceph RGW with one shared SQLite
/// store: 30 jobs, one worker SIGKILLed in the middle of a job, RabbitMQ restarted once — all 30
/// end done, each job's processing completed exactly once, and the dead-letter queue is empty.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed partial class MultiWorkerTests : IDisposable
{
    private const int JobCount = 30;
    private readonly string _data = Directory.CreateTempSubdirectory("aim-multi-").FullName;
    private readonly string _prefix = TestServices.UniqueName("m");
    private readonly List<ServiceProcess> _processes = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var p in _processes)
        {
            p.Dispose();
        }

        Directory.Delete(_data, recursive: true);
    }

    private ServiceProcess Start(string project, string workerId)
    {
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__rabbitmq"] = TestServices.RabbitMq,
            ["ConnectionStrings__storage"] = TestServices.S3,
            ["Data__Folder"] = _data,
            ["Jobs__RabbitMq__Prefix"] = _prefix,
            ["Jobs__Lease"] = "00:00:06",
            ["Jobs__SweepInterval"] = "00:00:01",
            ["Jobs__RepublishAfter"] = "00:00:20",
            ["Jobs__RetryDelays__0"] = "00:00:01",
            ["Jobs__RetryDelays__1"] = "00:00:02",
            ["Jobs__MaxAttempts"] = "5",
            ["Jobs__WorkerId"] = workerId,
            // This test is about surviving failures with 30 jobs from one caller, not about the per-user limits.
            ["Limits__MaxActiveJobsPerUser"] = "100",
            ["Limits__SubmitsPerMinutePerUser"] = "1000",
            ["Limits__SubmitsPerMinutePerIp"] = "1000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__AiMastering"] = "Information",
        };
        var process = ServiceProcess.Start(project, env);
        _processes.Add(process);
        return process;
    }

    [Fact]
    public async Task Thirty_jobs_survive_a_killed_worker_and_a_broker_restart_each_processed_once()
    {
        var api = Start("AiMastering.ApiService", "api");
        await api.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        var victim = Start("AiMastering.Worker", "worker-a");
        var survivor = Start("AiMastering.Worker", "worker-b");
        await Task.WhenAll(victim.WaitHealthyAsync(TimeSpan.FromSeconds(60)), survivor.WaitHealthyAsync(TimeSpan.FromSeconds(60)));

        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        http.DefaultRequestHeaders.Add("X-User-Id", "multi");
        var wav = TestWav.Pcm16(44100, TestWav.MixLike(44100, 3, 2, 0.3));
        var ids = new List<Guid>();
        for (var i = 0; i < JobCount; i++)
        {
            ids.Add(await SubmitAsync(http, wav, $"Song {i}.wav"));
        }

        // Kill worker A with SIGKILL while it holds a job.
        await Eventually.TrueAsync(() => victim.Lines.Any(l => l.Contains("Claimed job", StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
        victim.KillHard();

        // Restart RabbitMQ once during the run.
        await RabbitMqBroker.RestartAsync(TimeSpan.FromSeconds(1), Ct);

        await Eventually.TrueAsync(async () =>
        {
            var statuses = await Task.WhenAll(ids.Select(id => StatusAsync(http, id)));
            return statuses.All(s => s is "done" or "failed");
        }, TimeSpan.FromMinutes(6));

        var final = await Task.WhenAll(ids.Select(id => StatusAsync(http, id)));
        final.ShouldAllBe(s => s == "done");
        var attempts = await Task.WhenAll(ids.Select(id => AttemptsAsync(http, id)));
        attempts.Count(a => a == 2).ShouldBe(1, "only the killed worker's job ran a second time");
        attempts.Count(a => a == 1).ShouldBe(JobCount - 1);
        var completions = victim.Lines.Concat(survivor.Lines)
            .Select(l => DonePattern().Match(l)).Where(m => m.Success).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        foreach (var id in ids)
        {
            completions.Count(c => c == id).ShouldBe(1, $"job {id} processing completed once");
        }

        var (queue, connection) = await RabbitMqTestQueues.OpenAsync(_prefix, [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], Ct);
        (await queue.CountDeadLettersAsync(Ct)).ShouldBe(0);
        await queue.DisposeAsync();
        await connection.DisposeAsync();
        await RabbitMqTestQueues.DeleteAsync(_prefix, [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]);
    }

    private static async Task<Guid> SubmitAsync(HttpClient http, byte[] wav, string fileName)
    {
        using var presign = await http.PostAsJsonAsync("/uploads/presign", new { fileName, contentType = "audio/wav", size = wav.Length }, Ct);
        presign.EnsureSuccessStatusCode();
        using var p = JsonDocument.Parse(await presign.Content.ReadAsStringAsync(Ct));
        using var form = new MultipartFormDataContent();
        foreach (var field in p.RootElement.GetProperty("fields").EnumerateObject())
        {
            form.Add(new StringContent(field.Value.GetString()!), field.Name);
        }

        var file = new ByteArrayContent(wav);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "file", fileName);
        using var s3 = new HttpClient();
        (await s3.PostAsync(p.RootElement.GetProperty("url").GetString(), form, Ct)).EnsureSuccessStatusCode();

        using var created = await http.PostAsJsonAsync("/jobs", new { objectKey = p.RootElement.GetProperty("objectKey").GetString(), fileName }, Ct);
        created.EnsureSuccessStatusCode();
        using var c = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct));
        return c.RootElement.GetProperty("jobId").GetGuid();
    }

    private static async Task<string> StatusAsync(HttpClient http, Guid id)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync($"/jobs/{id}", Ct));
        return doc.RootElement.GetProperty("status").GetString()!;
    }

    private static async Task<int> AttemptsAsync(HttpClient http, Guid id)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync($"/jobs/{id}", Ct));
        return doc.RootElement.GetProperty("attempts").GetInt32();
    }

    [GeneratedRegex(@"Job ([0-9a-f-]{36}) done in")]
    private static partial Regex DonePattern();
}
