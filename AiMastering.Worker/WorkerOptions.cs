using System.ComponentModel.DataAnnotations;

namespace AiMastering.Worker;

/// <summary>Configuration section <c>Worker</c>.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Jobs processed at once by this process. The engine already uses every core, so 1 is right for most hosts.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 1;

    /// <summary>Where a job's files are kept while it runs. Default: the system temp folder.</summary>
    public string? TempFolder { get; set; }

    /// <summary>The ffmpeg executable (MP3 preview encoding and decoding of formats NAudio cannot read).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";
}
