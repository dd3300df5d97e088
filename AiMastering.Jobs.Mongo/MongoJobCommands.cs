using AiMastering.Jobs.Model;
using MongoDB.Bson;
using static AiMastering.Jobs.Store.Mongo.MongoJobDocuments;

namespace AiMastering.Jobs.Store.Mongo;

/// <summary>
/// The exact filter and update of every move. Each status change filters on the expected status
/// (and the lease owner or the expired lease), so it is one atomic compare-and-set in
/// <c>FindOneAndUpdate</c>. Pure data: the server-free tests assert these documents.
/// </summary>
public static class MongoJobCommands
{
    public static BsonDocument Available(DateTimeOffset now) => new("$or", new BsonArray
    {
        new BsonDocument("availableAt", BsonNull.Value),
        new BsonDocument("availableAt", new BsonDocument("$lte", Date(now))),
    });

    public static BsonDocument ClaimableFilter(DateTimeOffset now) => new BsonDocument("status", "queued").AddRange(Available(now));

    public static (BsonDocument Filter, BsonDocument Update) Claim(Guid id, string workerId, DateTimeOffset now, TimeSpan lease) => (
        new BsonDocument { { "_id", Id(id) }, { "status", "queued" } }.AddRange(Available(now)),
        new BsonDocument
        {
            { "$set", new BsonDocument
                {
                    { "status", "processing" }, { "leaseOwner", workerId }, { "leaseUntil", Date(now + lease) },
                    { "startedAt", Date(now) }, { "updatedAt", Date(now) }, { "stage", "starting" }, { "stageFraction", BsonNull.Value },
                    { "etaSeconds", BsonNull.Value }, { "availableAt", BsonNull.Value },
                }
            },
            { "$inc", new BsonDocument("attempts", 1) },
        });

    public static (BsonDocument Filter, BsonDocument Update) RenewLease(Guid id, string workerId, DateTimeOffset leaseUntil) => (
        Owned(id, workerId),
        new BsonDocument("$set", new BsonDocument("leaseUntil", Date(leaseUntil))));

    public static (BsonDocument Filter, BsonDocument Update) SetProgress(Guid id, string workerId, JobProgress progress, DateTimeOffset now) => (
        Owned(id, workerId),
        new BsonDocument("$set", new BsonDocument
        {
            { "stage", progress.Stage }, { "stageFraction", Number(progress.Fraction) }, { "etaSeconds", Number(progress.EtaSeconds) },
            { "updatedAt", Date(now) },
        }));

    public static (BsonDocument Filter, BsonDocument Update) Complete(Guid id, string workerId, JobArtifacts artifacts, DateTimeOffset now) => (
        Owned(id, workerId),
        new BsonDocument("$set", new BsonDocument
        {
            { "status", "done" }, { "artifacts", Artifacts(artifacts) }, { "finishedAt", Date(now) }, { "updatedAt", Date(now) },
            { "stage", "done" }, { "leaseUntil", BsonNull.Value },
        }));

    public static (BsonDocument Filter, BsonDocument Update) Fail(Guid id, string workerId, JobError error, DateTimeOffset now) => (
        Owned(id, workerId),
        new BsonDocument("$set", new BsonDocument
        {
            { "status", "failed" }, { "lastError", Error(error) }, { "finishedAt", Date(now) }, { "updatedAt", Date(now) },
            { "stage", "failed" }, { "leaseUntil", BsonNull.Value },
        }));

    public static (BsonDocument Filter, BsonDocument Update) Requeue(Guid id, string workerId, JobError error, DateTimeOffset availableAt, DateTimeOffset now) => (
        Owned(id, workerId),
        new BsonDocument("$set", new BsonDocument
        {
            { "status", "queued" }, { "lastError", Error(error) }, { "availableAt", Date(availableAt) }, { "updatedAt", Date(now) },
            { "stage", "waiting to retry" }, { "leaseUntil", BsonNull.Value }, { "leaseOwner", BsonNull.Value },
        }));

    /// <summary>An aggregation-pipeline update: queued again, or failed when out of attempts.</summary>
    public static (BsonDocument Filter, BsonDocument[] Pipeline) ReclaimExpired(Guid id, DateTimeOffset expiredLease, JobError error, DateTimeOffset now)
    {
        var outOfAttempts = new BsonDocument("$gte", new BsonArray { "$attempts", "$maxAttempts" });
        BsonDocument When(BsonValue yes, BsonValue no) => new("$cond", new BsonArray { outOfAttempts, yes, no });
        return (
            new BsonDocument { { "_id", Id(id) }, { "status", "processing" }, { "leaseUntil", Date(expiredLease) } },
            [
                new BsonDocument("$set", new BsonDocument
                {
                    { "status", When("failed", "queued") },
                    { "finishedAt", When(Date(now), BsonNull.Value) },
                    { "stage", When("failed", "waiting to retry") },
                    { "lastError", new BsonDocument("$literal", Error(error)) },
                    { "updatedAt", Date(now) }, { "availableAt", BsonNull.Value }, { "leaseUntil", BsonNull.Value }, { "leaseOwner", BsonNull.Value },
                }),
            ]);
    }

    public static BsonDocument ExpiredLeasesFilter(DateTimeOffset now) =>
        new() { { "status", "processing" }, { "leaseUntil", new BsonDocument("$lt", Date(now)) } };

    public static BsonDocument StaleQueuedFilter(DateTimeOffset cutoff) => new()
    {
        { "status", "queued" },
        { "updatedAt", new BsonDocument("$lt", Date(cutoff)) },
        { "$or", new BsonArray
            {
                new BsonDocument("availableAt", BsonNull.Value),
                new BsonDocument("availableAt", new BsonDocument("$lt", Date(cutoff))),
            }
        },
    };

    public static (BsonDocument Filter, BsonDocument Update) TouchQueued(Guid id, DateTimeOffset expectedUpdatedAt, DateTimeOffset now) => (
        new BsonDocument { { "_id", Id(id) }, { "status", "queued" }, { "updatedAt", Date(expectedUpdatedAt) } },
        new BsonDocument("$set", new BsonDocument("updatedAt", Date(now))));

    public static (BsonDocument Filter, BsonDocument Update) FailQueued(Guid id, JobError error, DateTimeOffset now) => (
        new BsonDocument { { "_id", Id(id) }, { "status", "queued" } },
        new BsonDocument("$set", new BsonDocument
        {
            { "status", "failed" }, { "lastError", Error(error) }, { "finishedAt", Date(now) }, { "updatedAt", Date(now) }, { "stage", "failed" },
        }));

    public static (BsonDocument Filter, BsonDocument Update) RetryFailed(Guid id, DateTimeOffset now) => (
        new BsonDocument { { "_id", Id(id) }, { "status", "failed" } },
        new BsonDocument("$set", new BsonDocument
        {
            { "status", "queued" }, { "attempts", 0 }, { "availableAt", BsonNull.Value }, { "finishedAt", BsonNull.Value },
            { "updatedAt", Date(now) }, { "stage", "queued" },
        }));

    public static BsonDocument PurgeFilter(DateTimeOffset olderThan) => new()
    {
        { "status", new BsonDocument("$in", new BsonArray { "done", "failed" }) },
        { "updatedAt", new BsonDocument("$lt", Date(olderThan)) },
    };

    /// <summary>The job, when <paramref name="ownerId"/> owns it (null = any owner).</summary>
    public static BsonDocument OwnedBy(Guid id, string? ownerId) =>
        ownerId is null ? new BsonDocument("_id", Id(id)) : new BsonDocument { { "_id", Id(id) }, { "userId", ownerId } };

    public static BsonDocument ActiveOf(string userId) =>
        new() { { "userId", userId }, { "status", new BsonDocument("$in", new BsonArray { "queued", "processing" }) } };

    public static BsonDocument UsingUpload(string key) =>
        new("$or", new BsonArray { new BsonDocument("source.key", key), new BsonDocument("reference.key", key) });

    /// <summary>Indexes for the queries above: a user's jobs, claimable jobs, expired leases, stale queued jobs, uploads in use.</summary>
    public static IReadOnlyList<(string Name, BsonDocument Keys)> Indexes { get; } =
    [
        ("user_createdAt", new BsonDocument { { "userId", 1 }, { "createdAt", -1 } }),
        ("status_createdAt", new BsonDocument { { "status", 1 }, { "createdAt", -1 } }),
        ("status_leaseUntil", new BsonDocument { { "status", 1 }, { "leaseUntil", 1 } }),
        ("status_updatedAt", new BsonDocument { { "status", 1 }, { "updatedAt", 1 } }),
        ("source_key", new BsonDocument("source.key", 1)),
        ("reference_key", new BsonDocument("reference.key", 1)),
    ];

    private static BsonDocument Owned(Guid id, string workerId) =>
        new() { { "_id", Id(id) }, { "status", "processing" }, { "leaseOwner", workerId } };
}
