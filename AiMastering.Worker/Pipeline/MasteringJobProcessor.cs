using System.Globalization;
using System.Text.Json;
using AiMastering.Engine;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using AiMastering.Engine.Encoding;
using AiMastering.Engine.Mastering;
using AiMastering.Engine.Matching;
using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Processing;
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
    IOptions<WorkerOptions> options) : IJobProcessor
{
    public async Task<JobArtifacts> ProcessAsync(Job job, IJobProgress progress, CancellationToken cancellationToken)
    {
        using var workspace = new JobWorkspace(options.Value.TempFolder, job.Id);
        await progress.ReportStageAsync("downloading", cancellationToken);
        var sourcePath = workspace.PathOf("source" + Path.GetExtension(job.Source.FileName));
        await StorageStep(() => blobs.DownloadToFileAsync(job.Source.Key, sourcePath, cancellationToken));
        string? referencePath = null;
        if (job.Reference is { } reference)
        {
            referencePath = workspace.PathOf("reference" + Path.GetExtension(reference.FileName));
            await StorageStep(() => blobs.DownloadToFileAsync(reference.Key, referencePath, cancellationToken));
        }

        await progress.ReportStageAsync("checking the audio", cancellationToken);
        await Task.Run(() => Probe(sourcePath), cancellationToken);
        var settings = SettingsMapping.ToSettings(job.Options);
        var artifacts = new JobArtifacts
        {
            Master = BlobKeys.Artifact(job.Id, "master.wav"),
            Preview = BlobKeys.Artifact(job.Id, "preview.mp3"),
            Analysis = BlobKeys.Artifact(job.Id, "analysis.json"),
            MasterAnalysis = BlobKeys.Artifact(job.Id, "master-analysis.json"),
            Decision = BlobKeys.Artifact(job.Id, "decision.json"),
            Report = BlobKeys.Artifact(job.Id, "report.json"),
        };

        if (referencePath is not null)
        {
            artifacts = artifacts with { ReferenceAnalysis = BlobKeys.Artifact(job.Id, "reference-analysis.json") };
        }

        await progress.ReportStageAsync("mastering", cancellationToken);
        var masterPath = workspace.PathOf("master.wav");
        var previewPath = workspace.PathOf("preview.mp3");
        Task<Mp3PreviewResult>? preview = null;
        using var previewStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The MP3 preview starts from the rendered master in memory, while master.wav is written.
        void StartPreview(AudioBuffer master, double ceilingDbtp) => preview = Task.Run(
            () => previews.EncodeAsync(master, previewPath, ceilingDbtp, previewStop.Token),
            previewStop.Token);
        MasteringResult result;
        AudioAnalysis? referenceAnalysis;
        try
        {
            (result, referenceAnalysis) = await Task.Run(
                () => referencePath is null
                    ? (MasterFile(sourcePath, masterPath, settings, workspace.Folder, master => StartPreview(master, settings.Target.TruePeakDbtp), cancellationToken), null)
                    : MasterToReference(sourcePath, referencePath, masterPath, settings, job.Options, workspace.Folder, StartPreview, cancellationToken),
                cancellationToken);

            // A long track is mastered without ever holding the master in memory (the engine's long-track path, spilling
            // into the job's folder): its preview is made from master.wav, at the ceiling the master was made for.
            preview ??= Task.Run(
                () => previews.EncodeAsync(masterPath, previewPath, result.Decision.Target.TruePeakDbtp, previewStop.Token),
                previewStop.Token);

            await progress.ReportStageAsync("encoding", cancellationToken);
            await preview;
        }
        catch
        {
            // No ffmpeg may outlive the job in a workspace that is about to be deleted.
            await previewStop.CancelAsync();
            await WaitQuietlyAsync(preview);
            throw;
        }

        if (referenceAnalysis is not null)
        {
            await UploadJsonAsync(artifacts.ReferenceAnalysis, referenceAnalysis, EngineJsonContext.Default.AudioAnalysis, cancellationToken);
        }

        await progress.ReportStageAsync("saving", cancellationToken);
        await StorageStep(() => blobs.UploadFileAsync(artifacts.Master, masterPath, "audio/wav", cancellationToken));
        await StorageStep(() => blobs.UploadFileAsync(artifacts.Preview, previewPath, "audio/mpeg", cancellationToken));
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
        await StorageStep(() => blobs.UploadBytesAsync(key, bytes, "application/json", cancellationToken));
    }

    /// <summary>The rates the mastering chain is designed and tested for; a file outside them is refused, not retried.</summary>
    private const int MinSampleRateHz = 8_000;
    private const int MaxSampleRateHz = 384_000;

    private static void Probe(string path)
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

    /// <summary>Decodes, checks and masters the mix (long tracks spill to <paramref name="tempFolder"/>); problems found in its audio become permanent job errors.</summary>
    private static MasteringResult MasterFile(
        string sourcePath, string masterPath, MasteringSettings settings, string tempFolder, Action<AudioBuffer> onMasterRendered, CancellationToken cancellationToken)
    {
        try
        {
            return MasteringEngine.MasterFile(sourcePath, masterPath, settings, onMasterRendered: onMasterRendered, tempFolder: tempFolder, ct: cancellationToken);
        }
        catch (AudioDecodeException e)
        {
            throw DecodeErrorMapping.ToJobFailure(e);
        }
    }

    /// <summary>Masters the mix toward the reference; problems with either file become permanent job errors, each with its own code.</summary>
    private static (MasteringResult Result, AudioAnalysis? ReferenceAnalysis) MasterToReference(
        string sourcePath, string referencePath, string masterPath, MasteringSettings settings, JobOptions jobOptions,
        string tempFolder, Action<AudioBuffer, double> onMasterRendered, CancellationToken cancellationToken)
    {
        try
        {
            var matchSettings = new ReferenceMatchSettings(AmountPercent: jobOptions.Normalize().Amount ?? 100);
            var result = ReferenceMastering.MasterFile(sourcePath, referencePath, masterPath, settings, matchSettings,
                SettingsMapping.PlatformTargetLufs(jobOptions), onMasterRendered: onMasterRendered, tempFolder: tempFolder, ct: cancellationToken);
            return (result.Mastering, result.ReferenceAnalysis);
        }
        catch (AudioDecodeException e)
        {
            throw DecodeErrorMapping.ToJobFailure(e);
        }
        catch (ReferenceTrackException e) when (e.InnerException is AudioDecodeException decode)
        {
            throw DecodeErrorMapping.ToReferenceFailure(decode);
        }
        catch (ReferenceTrackException e)
        {
            var code = e.Problem switch
            {
                ReferenceProblem.ReferenceSilent => ErrorCode.ReferenceSilent,
                ReferenceProblem.ReferenceTooShort => ErrorCode.ReferenceTooShort,
                _ => ErrorCode.ReferenceUndecodable,
            };
            throw new JobFailedException(code, e.Message, e);
        }
    }

    private static async Task StorageStep(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or TimeoutException or Amazon.Runtime.AmazonServiceException)
        {
            throw new JobFailedException(ErrorCode.StorageUnavailable, "The file store could not be reached.", ex);
        }
    }
}
