using Microsoft.Extensions.Configuration;

namespace AiMastering.Jobs.Hosting;

/// <summary>Which backend each role uses, decided from the connection strings alone.</summary>
public sealed record BackendSelection(
    BackendKind Store,
    string? JobsConnection,
    BackendKind Blobs,
    string? StorageConnection,
    BackendKind Queue,
    string? RabbitConnection)
{
    public static BackendSelection From(IConfiguration configuration)
    {
        var jobs = Blank(configuration.GetConnectionString("jobs"));
        var storage = Blank(configuration.GetConnectionString("storage"));
        var rabbit = Blank(configuration.GetConnectionString("rabbitmq"));
        var store = jobs is not null && jobs.StartsWith("mongodb", StringComparison.OrdinalIgnoreCase) ? BackendKind.Mongo : BackendKind.Sqlite;
        var blobs = storage is not null && storage.Contains("Endpoint=", StringComparison.OrdinalIgnoreCase) ? BackendKind.S3 : BackendKind.FileSystem;
        var queue = rabbit is null ? BackendKind.StorePolling : BackendKind.RabbitMq;
        return new BackendSelection(store, jobs, blobs, storage, queue, rabbit);
    }

    public string Describe() => $"store={Store}, blobs={Blobs}, queue={Queue}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
