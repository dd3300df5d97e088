using System.Diagnostics;

namespace AiMastering.Jobs.Blobs.S3;

/// <summary>The client spans of this assembly (one per object transfer), exported by the service defaults.</summary>
public static class S3Telemetry
{
    public const string Name = "AiMastering.Jobs.S3";

    public static readonly ActivitySource Source = new(Name);
}
