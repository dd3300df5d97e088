namespace AiMastering.AppHost.Resources;

/// <summary>Pinned container images of the infrastructure (never <c>latest</c>).</summary>
public static class ContainerImages
{
    public const string Registry = "docker.io";

    public const string MongoImage = "library/mongo";
    public const string MongoTag = "8.0.4";

    public const string MinioRegistry = "quay.io";
    public const string MinioImage = "minio/minio";
    public const string MinioTag = "RELEASE.2025-04-22T22-12-26Z";
}
