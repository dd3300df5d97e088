using AiMastering.Jobs.Model;
using MongoDB.Bson;
using MongoDB.Driver;
using static AiMastering.Jobs.Store.Mongo.MongoJobDocuments;

namespace AiMastering.Jobs.Store.Mongo;

/// <summary>
/// The job store on MongoDB: one <c>jobs</c> collection; every status change is a
/// <c>FindOneAndUpdate</c> compare-and-set built by <see cref="MongoJobCommands"/>.
/// </summary>
public sealed class MongoJobStore(IMongoDatabase database, string collectionName = MongoJobStore.DefaultCollection) : IJobStore
{
    public const string DefaultCollection = "jobs";

    private static readonly FindOneAndUpdateOptions<BsonDocument> ReturnAfter = new() { ReturnDocument = ReturnDocument.After };

    public IMongoCollection<BsonDocument> Collection { get; } = database.GetCollection<BsonDocument>(collectionName);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var models = MongoJobCommands.Indexes
            .Select(i => new CreateIndexModel<BsonDocument>(i.Keys, new CreateIndexOptions { Name = i.Name }));
        await Collection.Indexes.CreateManyAsync(models, cancellationToken);
    }

    public Task InsertAsync(Job job, CancellationToken cancellationToken) =>
        Collection.InsertOneAsync(ToBson(job), cancellationToken: cancellationToken);

    public async Task<Job?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var doc = await Collection.Find(new BsonDocument("_id", Id(id))).FirstOrDefaultAsync(cancellationToken);
        return doc is null ? null : FromBson(doc);
    }

    public async Task<Job?> GetOwnedAsync(Guid id, string? ownerId, CancellationToken cancellationToken)
    {
        var doc = await Collection.Find(MongoJobCommands.OwnedBy(id, ownerId)).FirstOrDefaultAsync(cancellationToken);
        return doc is null ? null : FromBson(doc);
    }

    /// <summary>
    /// Not one atomic step on MongoDB without a transaction: requests of one user in the same instant
    /// can each pass the checks before the others insert (the limit can be exceeded by the requests in
    /// flight). SQLite does it in one statement.
    /// </summary>
    public async Task<InsertOutcome> TryInsertAsync(Job job, int maxActivePerUser, CancellationToken cancellationToken)
    {
        if (await IsUploadUsedAsync(job.Source.Key, cancellationToken)
            || (job.Reference is not null && await IsUploadUsedAsync(job.Reference.Key, cancellationToken)))
        {
            return InsertOutcome.UploadUsed;
        }

        if (await CountActiveAsync(job.UserId, cancellationToken) >= maxActivePerUser)
        {
            return InsertOutcome.TooManyActive;
        }

        await InsertAsync(job, cancellationToken);
        return InsertOutcome.Inserted;
    }

    public async Task<int> CountActiveAsync(string userId, CancellationToken cancellationToken) =>
        (int)await Collection.CountDocumentsAsync(MongoJobCommands.ActiveOf(userId), cancellationToken: cancellationToken);

    public async Task<bool> IsUploadUsedAsync(string key, CancellationToken cancellationToken) =>
        await Collection.Find(MongoJobCommands.UsingUpload(key)).Limit(1).AnyAsync(cancellationToken);

    public async Task<Job?> DeleteAsync(Guid id, string? ownerId, CancellationToken cancellationToken)
    {
        var filter = MongoJobCommands.OwnedBy(id, ownerId).Add("status", new BsonDocument("$ne", "processing"));
        var doc = await Collection.FindOneAndDeleteAsync(filter, cancellationToken: cancellationToken);
        return doc is null ? null : FromBson(doc);
    }

    public Task<IReadOnlyList<Job>> ListExpiredAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        ListAsync(MongoJobCommands.PurgeFilter(cutoff), new BsonDocument("updatedAt", 1), limit, cancellationToken);

    public Task<IReadOnlyList<Job>> ListForUserAsync(string userId, int limit, CancellationToken cancellationToken) =>
        ListAsync(new BsonDocument("userId", userId), Newest, limit, cancellationToken);

    public Task<IReadOnlyList<Job>> ListRecentAsync(JobStatus? status, int limit, CancellationToken cancellationToken) =>
        ListAsync(status is { } s ? new BsonDocument("status", s.ToWire()) : [], Newest, limit, cancellationToken);

    public async Task<IReadOnlyList<Guid>> FindClaimableAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        [.. (await ListAsync(MongoJobCommands.ClaimableFilter(now), new BsonDocument("createdAt", 1), limit, cancellationToken)).Select(j => j.Id)];

    public async Task<Job?> TryClaimAsync(Guid id, string workerId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var (filter, update) = MongoJobCommands.Claim(id, workerId, now, lease);
        var doc = await Collection.FindOneAndUpdateAsync<BsonDocument>(filter, update, ReturnAfter, cancellationToken);
        return doc is null ? null : FromBson(doc);
    }

    public Task<bool> RenewLeaseAsync(Guid id, string workerId, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        MoveAsync(MongoJobCommands.RenewLease(id, workerId, leaseUntil), cancellationToken);

    public Task<bool> SetProgressAsync(Guid id, string workerId, JobProgress progress, DateTimeOffset now, CancellationToken cancellationToken) =>
        MoveAsync(MongoJobCommands.SetProgress(id, workerId, progress, now), cancellationToken);

    public Task<bool> CompleteAsync(Guid id, string workerId, JobArtifacts artifacts, DateTimeOffset now, CancellationToken cancellationToken) =>
        MoveAsync(MongoJobCommands.Complete(id, workerId, artifacts, now), cancellationToken);

    public Task<bool> FailAsync(Guid id, string workerId, JobError error, DateTimeOffset now, CancellationToken cancellationToken) =>
        MoveAsync(MongoJobCommands.Fail(id, workerId, error, now), cancellationToken);

    public Task<bool> RequeueAsync(Guid id, string workerId, JobError error, DateTimeOffset availableAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        MoveAsync(MongoJobCommands.Requeue(id, workerId, error, availableAt, now), cancellationToken);

    public Task<IReadOnlyList<Job>> FindExpiredLeasesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ListAsync(MongoJobCommands.ExpiredLeasesFilter(now), new BsonDocument("leaseUntil", 1), limit, cancellationToken);

    public async Task<bool> ReclaimExpiredAsync(Guid id, DateTimeOffset expiredLease, JobError error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (filter, pipeline) = MongoJobCommands.ReclaimExpired(id, expiredLease, error, now);
        var update = new PipelineUpdateDefinition<BsonDocument>(PipelineDefinition<BsonDocument, BsonDocument>.Create(pipeline));
        return await Collection.FindOneAndUpdateAsync<BsonDocument>(filter, update, ReturnAfter, cancellationToken) is not null;
    }

    public Task<IReadOnlyList<Job>> FindStaleQueuedAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        ListAsync(MongoJobCommands.StaleQueuedFilter(cutoff), new BsonDocument("updatedAt", 1), limit, cancellationToken);

    public Task<bool> TouchQueuedAsync(Guid id, DateTimeOffset expectedUpdatedAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        MoveAsync(MongoJobCommands.TouchQueued(id, expectedUpdatedAt, now), cancellationToken);

    public Task<bool> FailQueuedAsync(Guid id, JobError error, DateTimeOffset now, CancellationToken cancellationToken) =>
        MoveAsync(MongoJobCommands.FailQueued(id, error, now), cancellationToken);

    public Task<bool> RetryFailedAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        MoveAsync(MongoJobCommands.RetryFailed(id, now), cancellationToken);

    public async Task<IReadOnlyList<Job>> PurgeFinishedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var doomed = await ListAsync(MongoJobCommands.PurgeFilter(olderThan), new BsonDocument("updatedAt", 1), int.MaxValue, cancellationToken);
        var deleted = new List<Job>(doomed.Count);
        foreach (var job in doomed)
        {
            // Only what is still finished and old: a job an operator just retried stays.
            var filter = MongoJobCommands.PurgeFilter(olderThan).Add("_id", Id(job.Id));
            if ((await Collection.DeleteOneAsync(filter, cancellationToken)).DeletedCount == 1)
            {
                deleted.Add(job);
            }
        }

        return deleted;
    }

    public async Task<QueueSnapshot> GetQueueSnapshotAsync(CancellationToken cancellationToken)
    {
        var queued = new BsonDocument("status", "queued");
        var count = await Collection.CountDocumentsAsync(queued, cancellationToken: cancellationToken);
        var oldest = await Collection.Find(queued).Sort(new BsonDocument("createdAt", 1)).Limit(1)
            .Project(new BsonDocument { { "createdAt", 1 }, { "_id", 0 } }).FirstOrDefaultAsync(cancellationToken);
        var transient = new BsonArray(Enum.GetValues<ErrorCode>().Where(c => c.IsTransient()).Select(c => c.ToWire()));
        var gaveUp = await Collection.CountDocumentsAsync(
            new BsonDocument { { "status", "failed" }, { "lastError.code", new BsonDocument("$in", transient) } }, cancellationToken: cancellationToken);
        return new QueueSnapshot(count, oldest is null ? null : new DateTimeOffset(oldest["createdAt"].ToUniversalTime(), TimeSpan.Zero), gaveUp);
    }

    private static readonly BsonDocument Newest = new() { { "createdAt", -1 }, { "_id", -1 } };

    private async Task<bool> MoveAsync((BsonDocument Filter, BsonDocument Update) command, CancellationToken cancellationToken) =>
        await Collection.FindOneAndUpdateAsync<BsonDocument>(command.Filter, command.Update, ReturnAfter, cancellationToken) is not null;

    private async Task<IReadOnlyList<Job>> ListAsync(BsonDocument filter, BsonDocument sort, int limit, CancellationToken cancellationToken)
    {
        var docs = await Collection.Find(filter).Sort(sort).Limit(limit == int.MaxValue ? null : limit).ToListAsync(cancellationToken);
        return [.. docs.Select(FromBson)];
    }
}
