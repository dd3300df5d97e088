namespace AiMastering.AppHost.Resources;

/// <summary>A MongoDB server container; its connection string names the job database.</summary>
public sealed class MongoServerResource(string name, ParameterResource password, string databaseName) : ContainerResource(name), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";
    public const string UserName = "admin";

    private EndpointReference? _primaryEndpoint;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);

    public ParameterResource Password { get; } = password;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"mongodb://{UserName}:{Password}@{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}/{DatabaseName}?authSource=admin");
}
