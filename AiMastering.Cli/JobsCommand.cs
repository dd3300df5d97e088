using System.CommandLine;
using System.Globalization;
using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Hosting;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Queue;
using AiMastering.Jobs.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiMastering.Cli;

/// <summary>
/// `aimaster jobs list|retry|purge`: operator commands on the same backends as the services, chosen
/// by the same settings (ConnectionStrings__jobs/storage/rabbitmq, Data__Folder, or --data).
/// </summary>
public static class JobsCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Embedded data folder (default: Data__Folder or .data)" };
        var status = new Option<string?>("--status") { Description = "queued, processing, done or failed" };
        var limit = new Option<int>("--limit") { Description = "How many jobs", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "List jobs, newest first") { data, status, limit };
        list.SetAction((parse, ct) => ListAsync(parse.GetValue(data), parse.GetValue(status), parse.GetValue(limit), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));

        var id = new Argument<Guid>("job-id") { Description = "The failed job to queue again" };
        var retry = new Command("retry", "Queue a failed job again with a fresh attempt budget") { id, data };
        retry.SetAction((parse, ct) => RetryAsync(parse.GetValue(data), parse.GetValue(id), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));

        var days = new Option<double>("--older-than-days") { Description = "Delete finished jobs (and their files) older than this", DefaultValueFactory = _ => 30 };
        var purge = new Command("purge", "Delete finished jobs and their stored files") { days, data };
        purge.SetAction((parse, ct) => PurgeAsync(parse.GetValue(data), parse.GetValue(days), parse.InvocationConfiguration.Output, ct));

        return new Command("jobs", "Operator commands on the job store") { list, retry, purge };
    }

    private static async Task<int> ListAsync(string? data, string? status, int limit, TextWriter output, TextWriter error, CancellationToken ct)
    {
        JobStatus? filter = null;
        if (status is not null)
        {
            try
            {
                filter = JobStatuses.FromWire(status);
            }
            catch (ArgumentOutOfRangeException)
            {
                await error.WriteLineAsync("--status must be queued, processing, done or failed.");
                return ExitCodes.Usage;
            }
        }

        using var host = await OpenAsync(data, ct);
        var jobs = await host.Services.GetRequiredService<IJobStore>().ListRecentAsync(filter, limit, ct);
        await output.WriteLineAsync($"{"id",-36}  {"status",-10}  {"att",3}  {"created (UTC)",-19}  file / error");
        foreach (var job in jobs)
        {
            var detail = job.Status == JobStatus.Failed && job.LastError is { } e ? $"{job.Source.FileName} — {e.Code.ToWire()}: {e.Message}" : job.Source.FileName;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{job.Id,-36}  {job.Status.ToWire(),-10}  {job.Attempts,3}  {job.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {detail}"));
        }

        await output.WriteLineAsync($"{jobs.Count} job(s)");
        return ExitCodes.Ok;
    }

    private static async Task<int> RetryAsync(string? data, Guid id, TextWriter output, TextWriter error, CancellationToken ct)
    {
        using var host = await OpenAsync(data, ct);
        var store = host.Services.GetRequiredService<IJobStore>();
        var job = await store.GetAsync(id, ct);
        if (job is null || !await store.RetryFailedAsync(id, DateTimeOffset.UtcNow, ct))
        {
            await error.WriteLineAsync(job is null ? $"No job {id}." : $"Job {id} is {job.Status.ToWire()}; only failed jobs can be retried.");
            return ExitCodes.Usage;
        }

        await host.Services.GetRequiredService<IJobQueue>().PublishAsync(new JobMessage(id, job.RequestId, job.TraceParent, 1), ct);
        await output.WriteLineAsync($"Job {id} queued again.");
        return ExitCodes.Ok;
    }

    private static async Task<int> PurgeAsync(string? data, double days, TextWriter output, CancellationToken ct)
    {
        using var host = await OpenAsync(data, ct);
        var blobs = host.Services.GetRequiredService<IBlobStore>();
        var purged = await host.Services.GetRequiredService<IJobStore>().PurgeFinishedAsync(DateTimeOffset.UtcNow.AddDays(-days), ct);
        foreach (var job in purged)
        {
            foreach (var key in job.Artifacts.All().Select(a => a.Key).Append(job.Source.Key).Concat(job.Reference is null ? [] : [job.Reference.Key]))
            {
                await blobs.DeleteAsync(key, ct);
            }
        }

        await output.WriteLineAsync($"Purged {purged.Count} finished job(s) older than {days} day(s) and their files.");
        return ExitCodes.Ok;
    }

    private static async Task<IHost> OpenAsync(string? data, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables();
        if (data is not null)
        {
            builder.Configuration["Data:Folder"] = data;
        }

        builder.AddJobBackends();
        var host = builder.Build();
        await host.Services.GetRequiredService<IJobStore>().InitializeAsync(ct);
        await host.Services.GetRequiredService<IBlobStore>().InitializeAsync(ct);
        await host.Services.GetRequiredService<IJobQueue>().InitializeAsync(ct);
        return host;
    }
}
