using System.Collections.Concurrent;
using System.Diagnostics;
using MongoDB.Driver.Core.Configuration;
using MongoDB.Driver.Core.Events;

namespace AiMastering.Jobs.Store.Mongo;

/// <summary>OpenTelemetry spans for MongoDB commands, from the driver's command events.</summary>
public static class MongoCommandTracing
{
    public const string SourceName = "AiMastering.Jobs.Mongo";

    public static readonly ActivitySource Source = new(SourceName);

    public static void Subscribe(ClusterBuilder cluster)
    {
        var running = new ConcurrentDictionary<int, Activity>();
        cluster.Subscribe<CommandStartedEvent>(e =>
        {
            var activity = Source.StartActivity($"{e.CommandName} {e.DatabaseNamespace.DatabaseName}", ActivityKind.Client);
            if (activity is null)
            {
                return;
            }

            activity.SetTag("db.system", "mongodb");
            activity.SetTag("db.operation.name", e.CommandName);
            activity.SetTag("db.namespace", e.DatabaseNamespace.DatabaseName);
            running[e.RequestId] = activity;
        });
        cluster.Subscribe<CommandSucceededEvent>(e =>
        {
            if (running.TryRemove(e.RequestId, out var activity))
            {
                activity.Dispose();
            }
        });
        cluster.Subscribe<CommandFailedEvent>(e =>
        {
            if (running.TryRemove(e.RequestId, out var activity))
            {
                activity.SetStatus(ActivityStatusCode.Error, e.Failure.Message);
                activity.Dispose();
            }
        });
    }
}
