using AiMastering.Engine.Encoding;
using AiMastering.Jobs.Hosting;
using AiMastering.Jobs.Processing;
using AiMastering.Worker;
using AiMastering.Worker.Pipeline;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddJobBackends();
builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton(services => new Mp3PreviewEncoder(services.GetRequiredService<IOptions<WorkerOptions>>().Value.FfmpegPath));
builder.Services.AddSingleton<IJobProcessor, MasteringJobProcessor>();
builder.Services.AddSingleton<JobRunner>();
builder.Services.AddHostedService<WorkerService>();
builder.Services.AddHostedService<RecoverySweeper>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
