namespace AiMastering.Jobs.Queue.RabbitMq;

/// <summary>The JSON body of a job message. Attempt and trace context also travel as headers.</summary>
internal sealed record JobMessageBody(Guid JobId, string? RequestId, int Attempt);
