using AiMastering.Engine.Encoding;
using AiMastering.Jobs.Hosting;
using AiMastering.Jobs.Processing;
using AiMastering.Worker;
using AiMastering.Worker.Pipeline;
using AiMastering.Worker.Telemetry;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddJobBackends();
builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton(services =>
{
    var options = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
    var previews = new Mp3PreviewEncoder(options.FfmpegPath, options.Mp3Codecs);
    services.GetRequiredService<ILoggerFactory>().CreateLogger("AiMastering.Worker.Preview").LogInformation(
        "MP3 previews: LAME and the true-peak check's decoder run {Where} (Worker:Mp3Codecs = {Setting})",
        previews.InProcess ? "in this process (libmp3lame, libmpg123)" : "as ffmpeg processes",
        options.Mp3Codecs);
    return previews;
});
builder.Services.AddSingleton<MasteringJobProcessor>();
builder.Services.AddSingleton<IJobProcessor>(services => new MeasuredJobProcessor(services.GetRequiredService<MasteringJobProcessor>()));
builder.Services.AddSingleton<JobRunner>();
builder.Services.AddHostedService<WorkerService>();
builder.Services.AddHostedService<RecoverySweeper>();
builder.Services.AddHostedService<QueueGauges>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
