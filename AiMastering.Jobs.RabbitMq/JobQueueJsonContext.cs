using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiMastering.Jobs.Queue.RabbitMq;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JobMessageBody))]
internal sealed partial class JobQueueJsonContext : JsonSerializerContext;
