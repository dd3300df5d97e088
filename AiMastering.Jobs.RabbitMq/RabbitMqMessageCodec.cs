using System.Globalization;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace AiMastering.Jobs.Queue.RabbitMq;

/// <summary>Turns a <see cref="JobMessage"/> into persistent AMQP properties + JSON body and back.</summary>
internal static class RabbitMqMessageCodec
{
    public const string AttemptHeader = "x-aim-attempt";
    public const string TraceParentHeader = "traceparent";
    public const string RequestIdHeader = "x-aim-request-id";
    public const string ErrorCodeHeader = "x-aim-error-code";
    public const string ErrorMessageHeader = "x-aim-error-message";
    public const string ErrorAtHeader = "x-aim-error-at";

    public static (BasicProperties Properties, byte[] Body) Encode(JobMessage message, IDictionary<string, object?>? extraHeaders = null)
    {
        var headers = new Dictionary<string, object?>
        {
            [AttemptHeader] = message.Attempt,
        };
        if (message.TraceParent is not null)
        {
            headers[TraceParentHeader] = message.TraceParent;
        }

        if (message.RequestId is not null)
        {
            headers[RequestIdHeader] = message.RequestId;
        }

        foreach (var (key, value) in extraHeaders ?? new Dictionary<string, object?>())
        {
            headers[key] = value;
        }

        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = "application/json",
            MessageId = Guid.NewGuid().ToString("N"),
            CorrelationId = message.JobId.ToString("D"),
            Type = "job",
            Headers = headers,
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new JobMessageBody(message.JobId, message.RequestId, message.Attempt), JobQueueJsonContext.Default.JobMessageBody);
        return (properties, body);
    }

    public static JobMessage Decode(IReadOnlyBasicProperties properties, ReadOnlySpan<byte> body)
    {
        var parsed = JsonSerializer.Deserialize(body, JobQueueJsonContext.Default.JobMessageBody)
            ?? throw new InvalidDataException("Empty job message.");
        var attempt = ReadInt(properties, AttemptHeader) ?? parsed.Attempt;
        return new JobMessage(parsed.JobId, parsed.RequestId ?? ReadString(properties, RequestIdHeader), ReadString(properties, TraceParentHeader), attempt);
    }

    public static DeadLetter DecodeDeadLetter(IReadOnlyBasicProperties properties, ReadOnlySpan<byte> body)
    {
        var at = ReadString(properties, ErrorAtHeader);
        return new DeadLetter(
            Decode(properties, body),
            ReadString(properties, ErrorCodeHeader),
            ReadString(properties, ErrorMessageHeader),
            at is null ? null : DateTimeOffset.Parse(at, CultureInfo.InvariantCulture));
    }

    public static string? ReadString(IReadOnlyBasicProperties properties, string header) =>
        properties.Headers?.TryGetValue(header, out var value) == true
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                string s => s,
                null => null,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            }
            : null;

    public static int? ReadInt(IReadOnlyBasicProperties properties, string header) =>
        properties.Headers?.TryGetValue(header, out var value) == true
            ? value switch
            {
                int i => i,
                long l => (int)l,
                byte[] bytes when int.TryParse(Encoding.UTF8.GetString(bytes), CultureInfo.InvariantCulture, out var p) => p,
                _ => null,
            }
            : null;
}
