using System.Text.Json;
using AiMastering.Engine;
using AiMastering.Engine.Analysis;
using AiMastering.Engine.Decoding;
using AiMastering.Jobs.Blobs;
using AiMastering.Jobs.Model;
using AiMastering.Jobs.Processing;
using AiMastering.Worker.Ffmpeg;
using Microsoft.Extensions.Options;

namespace AiMastering.Worker.Pipeline;

/// <summary>
/// One job: download the mix → check it from its bytes → master → encode → upload artifacts.
/// Storage errors are transient (retried); problems with the audio are permanent.
/// </summary>
public sealed class MasteringJobProcessor(
    IBlobStore blobs,
    LoudnormStandIn loudnorm,
    Mp3PreviewEncoder previews,
    IOptions<WorkerOptions> options) : IJobProcessor
{
    public async Task<JobArtifacts> ProcessAsync(Job job, IJobProgress progress, CancellationToken cancellationToken)
    {
        using var workspace = new JobWorkspace(options.Value.TempFolder, job.Id);
        await progress.ReportStageAsync("downloading", cancellationToken);
        var sourcePath = workspace.PathOf("source" + Path.GetExtension(job.Source.FileName));
        await StorageStep(() => blobs.DownloadToFileAsync(job.Source.Key, sourcePath, cancellationToken));

        await progress.ReportStageAsync("checking the audio", cancellationToken);
        var mix = await Task.Run(() => Decode(sourcePath), cancellationToken);

        await progress.ReportStageAsync("analyzing", cancellationToken);
        var analysis = await Task.Run(() => Analyzer.Analyze(mix), cancellationToken);
        var analysisKey = BlobKeys.Artifact(job.Id, "analysis.json");
        await StorageStep(() => blobs.UploadBytesAsync(
            analysisKey, JsonSerializer.SerializeToUtf8Bytes(analysis, EngineJsonContext.Default.AudioAnalysis), "application/json", cancellationToken));

        await progress.ReportStageAsync("mastering", cancellationToken);
        var wanted = job.Options.Normalize();
        var masterPath = workspace.PathOf("master.wav");
        await loudnorm.RenderAsync(sourcePath, masterPath, wanted.Lufs ?? -14, wanted.TruePeakDbtp ?? -1, cancellationToken);

        await progress.ReportStageAsync("encoding preview", cancellationToken);
        var previewPath = workspace.PathOf("preview.mp3");
        await previews.EncodeAsync(masterPath, previewPath, wanted.TruePeakDbtp ?? -1, cancellationToken);

        await progress.ReportStageAsync("saving", cancellationToken);
        var artifacts = new JobArtifacts
        {
            Master = BlobKeys.Artifact(job.Id, "master.wav"),
            Preview = BlobKeys.Artifact(job.Id, "preview.mp3"),
            Analysis = analysisKey,
        };
        await StorageStep(() => blobs.UploadFileAsync(artifacts.Master, masterPath, "audio/wav", cancellationToken));
        await StorageStep(() => blobs.UploadFileAsync(artifacts.Preview, previewPath, "audio/mpeg", cancellationToken));
        return artifacts;
    }

    private static AudioBuffer Decode(string path)
    {
        try
        {
            return AudioDecoder.Decode(path);
        }
        catch (AudioDecodeException e)
        {
            throw DecodeErrorMapping.ToJobFailure(e);
        }
    }

    private static async Task StorageStep(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or TimeoutException)
        {
            throw new JobFailedException(ErrorCode.StorageUnavailable, "The file store could not be reached; we will try again.", ex);
        }
    }
}
