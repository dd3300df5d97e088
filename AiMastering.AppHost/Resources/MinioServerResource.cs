namespace AiMastering.AppHost.Resources;

/// <summary>
/// A MinIO (S3) server container. Connection string: <c>Endpoint=http://…;AccessKey=…;SecretKey=…;Bucket=…</c>,
/// the shape the services' S3 blob store reads.
/// </summary>
public sealed class MinioServerResource(string name, ParameterResource rootPassword, string bucket) : ContainerResource(name), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "http";
    public const string ConsoleEndpointName = "console";
    public const string RootUser = "aimastering";

    private EndpointReference? _primaryEndpoint;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);

    public ParameterResource RootPassword { get; } = rootPassword;

    public string Bucket { get; } = bucket;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint=http://{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)};AccessKey={RootUser};SecretKey={RootPassword};Bucket={Bucket}");
}
