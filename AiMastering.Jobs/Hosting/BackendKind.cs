namespace AiMastering.Jobs.Hosting;

public enum BackendKind
{
    Sqlite,
    Mongo,
    FileSystem,
    S3,
    StorePolling,
    RabbitMq,
}
