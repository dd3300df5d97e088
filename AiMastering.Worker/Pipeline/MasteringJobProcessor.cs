using System.Globalization;
using System.Text.Json;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Encoding;
using AiMastering.Engine.Mastering;
using AiMastering.Engine.Matching;
using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Model.Catalog;
using AiMastering.Jobs.Processing;
using AiMastering.Worker.Telemetry;
using Microsoft.Extensions.Options;

namespace AiMastering.Worker.Pipeline;

/// <summary>
/// One job: download the mix (and reference) → check them from their bytes → master with the engine
/// (analysis, rules, chain, closed loop) → master.wav + preview.mp3 + JSON documents → upload.
/// Storage errors are transient (retried); problems with the audio are permanent.
/// </summary>
public sealed class MasteringJobProcessor(
    IBlobStore blobs,
    Mp3PreviewEncoder previews,
    IOptions<WorkerOptions> options,
    TimeProvider time) : IJobProcessor
{
    public async Task<JobArtifacts> ProcessAsync(Job job, IJobProgress progress, CancellationToken cancellationToken)
    {
        var stages = new ProgressForwarder(progress, time, cancellationToken);
        JobArtifacts artifacts;
        try
        {
            artifacts = await ProcessAsync(job, stages, cancellationToken);
        }
        catch
        {
            await stages.SettleAsync();
            throw;
        }

        await stages.FlushAsync();
        return artifacts;
    }

    private async Task<JobArtifacts> ProcessAsync(Job job, ProgressForwarder progress, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var workspace = new JobWorkspace(options.Value.TempFolder, job.Id);
        progress.Stage(JobStages.Downloading);
        var sourcePath = workspace.PathOf("source" + Path.GetExtension(job.Source.FileName));
        await StorageStep(() => blobs.DownloadToFileAsync(job.Source.Key, sourcePath, cancellationToken));
        string? referencePath = null;
        if (job.Reference is { } reference)
        {
            referencePath = workspace.PathOf("reference" + Path.GetExtension(reference.FileName));
            await StorageStep(() => blobs.DownloadToFileAsync(reference.Key, referencePath, cancellationToken));
        }

        progress.Stage(JobStages.Checking);
        var probe = await Task.Run(() => Probe(sourcePath), cancellationToken);
        var settings = SettingsMapping.ToSettings(job.Options);
        string Key(ArtifactDefinition artifact) => BlobKeys.Artifact(job.Id, job.Attempts, artifact.FileName);
        var artifacts = new JobArtifacts
        {
            Master = Key(ArtifactCatalog.Master),
            Preview = Key(ArtifactCatalog.Preview),
            Analysis = Key(ArtifactCatalog.Analysis),
            MasterAnalysis = Key(ArtifactCatalog.MasterAnalysis),
            Decision = Key(ArtifactCatalog.Decision),
            Report = Key(ArtifactCatalog.Report),
            ReferenceAnalysis = referencePath is null ? null : Key(ArtifactCatalog.ReferenceAnalysis),
        };

        var masterPath = workspace.PathOf(ArtifactCatalog.Master.FileName);
        var previewPath = workspace.PathOf(ArtifactCatalog.Preview.FileName);
        Task<Mp3PreviewResult>? preview = null;
        using var previewStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The MP3 preview starts from the rendered master in memory, while master.wav is written.
        var observer = new MasteringCallbacks((master, ceilingDbtp) => preview = Task.Run(
            () => previews.EncodeAsync(master, previewPath, ceilingDbtp, previewStop.Token),
            previewStop.Token));
        var request = new MasteringRequest
        {
            InputPath = sourcePath,
            OutputWavPath = masterPath,
            Settings = settings,
            Reference = referencePath is null ? null : new ReferenceRequest(
                referencePath,
                new ReferenceMatchSettings(AmountPercent: job.Options.Amount ?? Limits.DefaultAmount),
                SettingsMapping.PlatformTargetLufs(job.Options)),
            TempFolder = workspace.Folder,
            Probe = probe,
            Progress = progress,
            Observer = observer,
        };
        MasteringResult result;
        try
        {
            result = await Task.Run(() => Master(request, cancellationToken), cancellationToken);

            // A long track is mastered without ever holding the master in memory (the engine's long-track path, spilling
            // into the job's folder): its preview is made from master.wav, at the ceiling the master was made for.
            preview ??= Task.Run(
                () => previews.EncodeAsync(masterPath, previewPath, result.Decision.Target.TruePeakDbtp, previewStop.Token),
                previewStop.Token);

            progress.Stage(JobStages.EncodingPreview);
            await preview;
        }
        catch
        {
            // No ffmpeg may outlive the job in a workspace that is about to be deleted.
            await previewStop.CancelAsync();
            await WaitQuietlyAsync(preview);
            throw;
        }

        WorkerMetrics.RealtimeFactor.Record(result.Before.DurationSeconds / System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        progress.Stage(JobStages.Saving);
        if (result.Match is { } match)
        {
            await UploadJsonAsync(artifacts.ReferenceAnalysis, match.Reference.Analysis, EngineJsonContext.Default.AudioAnalysis, cancellationToken);
        }

        await StorageStep(() => blobs.UploadFileAsync(artifacts.Master, masterPath, ArtifactCatalog.Master.ContentType, cancellationToken));
        await StorageStep(() => blobs.UploadFileAsync(artifacts.Preview, previewPath, ArtifactCatalog.Preview.ContentType, cancellationToken));
        await UploadJsonAsync(artifacts.Analysis, result.Before, EngineJsonContext.Default.AudioAnalysis, cancellationToken);
        await UploadJsonAsync(artifacts.MasterAnalysis, result.After, EngineJsonContext.Default.AudioAnalysis, cancellationToken);
        await UploadJsonAsync(artifacts.Decision, result.Decision, MasteringJsonContext.Default.DecisionDocument, cancellationToken);
        await UploadJsonAsync(artifacts.Report, result.Report, MasteringJsonContext.Default.MasteringReport, cancellationToken);
        return artifacts;
    }

    private async Task UploadJsonAsync<T>(string? key, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, type);
        await StorageStep(() => blobs.UploadBytesAsync(key, bytes, ArtifactCatalog.JsonContentType, cancellationToken));
    }

    /// <summary>The rates the mastering chain is designed and tested for; a file outside them is refused, not retried.</summary>
    private const int MinSampleRateHz = 8_000;
    private const int MaxSampleRateHz = 384_000;

    private static AudioProbeResult Probe(string path)
    {
        AudioProbeResult probe;
        try
        {
            probe = AudioDecoder.Probe(path);
        }
        catch (AudioDecodeException e)
        {
            throw DecodeErrorMapping.ToJobFailure(e);
        }

        if (probe.SampleRate is < MinSampleRateHz or > MaxSampleRateHz)
        {
            throw new JobFailedException(ErrorCode.UnsupportedSampleRate, string.Create(CultureInfo.InvariantCulture,
                $"The mix is at {probe.SampleRate:N0} Hz; mastering here takes 8 to 384 kHz. Export it at 44.1 or 48 kHz."));
        }

        return probe;
    }

    private static async Task WaitQuietlyAsync(Task? task)
    {
        try
        {
            await (task ?? Task.CompletedTask);
        }
        catch (Exception e) when (e is OperationCanceledException or FfmpegException or IOException or InvalidDataException)
        {
            // Stopped because the job failed; that failure is the one reported.
        }
    }

    /// <summary>
    /// Decodes, checks and masters the mix (toward the reference, if any; long tracks spill to the job's folder); problems
    /// found in either file become permanent job errors, each with its own code.
    /// </summary>
    private static MasteringResult Master(MasteringRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return MasteringEngine.Master(request, cancellationToken);
        }
        catch (AudioDecodeException e)
        {
            throw DecodeErrorMapping.ToJobFailure(e);
        }
        catch (ReferenceTrackException e)
        {
            throw DecodeErrorMapping.ToReferenceFailure(e);
        }
    }

    private static async Task StorageStep(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or TimeoutException or BlobStoreUnavailableException)
        {
            throw new JobFailedException(ErrorCode.StorageUnavailable, "The file store could not be reached.", ex);
        }
    }
}
