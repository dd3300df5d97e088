using System.ComponentModel.DataAnnotations;
using AiMastering.Engine.Encoding;

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

    /// <summary>The ffmpeg executable (decoding of formats NAudio cannot read; MP3 previews of resampled masters, or all of them with <see cref="Mp3Codecs"/> = Ffmpeg).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Where the MP3 preview's LAME encoder and decoder run: Auto = in the worker's process when libmp3lame and libmpg123 load (faster), else ffmpeg processes; Ffmpeg = always ffmpeg processes.</summary>
    public Mp3Codecs Mp3Codecs { get; set; } = Mp3Codecs.Auto;

    /// <summary>How often the queue gauges (depth, oldest age, dead letters) are read from the store and the dead-letter queue.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan QueueGaugeInterval { get; set; } = TimeSpan.FromSeconds(10);
}
