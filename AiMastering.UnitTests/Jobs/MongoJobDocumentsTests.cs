using AiMastering.Jobs.Model;
using AiMastering.Jobs.Store.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace AiMastering.UnitTests.Jobs;

/// <summary>
/// The MongoDB store without a server: the stored shape of a job, and the exact filter and update
/// each move sends (so every status change is visibly a compare-and-set on the expected status).
/// </summary>
public sealed class MongoJobDocumentsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid JobId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private const string IdJson = "UUID(\"0f8fad5b-d9cb-469f-a165-70867728950e\")";
    private const string T0Json = "ISODate(\"2026-11-27T10:00:00Z\")";

    private static string Json(BsonDocument d) => d.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.Shell, Indent = false });

    private static Job FullJob() => new()
    {
        Id = JobId,
        UserId = "user-1",
        Status = JobStatus.Processing,
        CreatedAt = T0,
        UpdatedAt = T0.AddSeconds(1),
        StartedAt = T0.AddSeconds(2),
        Attempts = 2,
        MaxAttempts = 5,
        LastError = new JobError(ErrorCode.StorageUnavailable, "storage down", T0.AddMilliseconds(1500)),
        LeaseUntil = T0.AddSeconds(30),
        LeaseOwner = "worker-1",
        AvailableAt = T0,
        Stage = "rendering",
        Source = new StoredFile("uploads/user-1/abc/Song.wav", "Song.wav", 123_456_789_012, "audio/wav"),
        Reference = new StoredFile("uploads/user-1/def/Ref.flac", "Ref.flac", 42, "audio/flac"),
        Options = new JobOptions { Target = "custom", Lufs = -12.5, TruePeakDbtp = -1, Width = true }.Normalize(),
        Artifacts = new JobArtifacts { Master = "jobs/x/master.wav", Report = "jobs/x/report.json" },
        RequestId = "req-9",
        TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    };

    [Fact]
    public void Job_survives_a_round_trip_through_bson_bytes()
    {
        var job = FullJob();

        var bytes = MongoJobDocuments.ToBson(job).ToBson();
        var back = MongoJobDocuments.FromBson(BsonSerializer.Deserialize<BsonDocument>(bytes));

        back.ShouldBe(job);
    }

    [Fact]
    public void Minimal_job_survives_a_round_trip()
    {
        var job = FullJob() with { Reference = null, LastError = null, LeaseUntil = null, LeaseOwner = null, Artifacts = JobArtifacts.None, RequestId = null, TraceParent = null, Status = JobStatus.Queued };

        MongoJobDocuments.FromBson(BsonSerializer.Deserialize<BsonDocument>(MongoJobDocuments.ToBson(job).ToBson())).ShouldBe(job);
    }

    [Fact]
    public void Ids_are_standard_uuids_dates_are_utc_and_enums_are_strings()
    {
        var doc = MongoJobDocuments.ToBson(FullJob());

        var id = doc["_id"].AsBsonBinaryData;
        id.SubType.ShouldBe(BsonBinarySubType.UuidStandard);
        id.ToGuid(GuidRepresentation.Standard).ShouldBe(JobId);
        doc["createdAt"].ShouldBeOfType<BsonDateTime>().ToUniversalTime().ShouldBe(T0.UtcDateTime);
        doc["status"].ShouldBe(new BsonString("processing"));
        doc["lastError"]["code"].ShouldBe(new BsonString("storage_unavailable"));
        doc["source"]["size"].ShouldBe(new BsonInt64(123_456_789_012));
    }

    [Fact]
    public void Claim_is_a_compare_and_set_on_queued_and_available()
    {
        var (filter, update) = MongoJobCommands.Claim(JobId, "w1", T0, TimeSpan.FromSeconds(30));

        Json(filter).ShouldBe($"{{ \"_id\" : {IdJson}, \"status\" : \"queued\", \"$or\" : [{{ \"availableAt\" : null }}, {{ \"availableAt\" : {{ \"$lte\" : {T0Json} }} }}] }}");
        Json(update).ShouldBe(
            "{ \"$set\" : { \"status\" : \"processing\", \"leaseOwner\" : \"w1\", \"leaseUntil\" : ISODate(\"2026-11-27T10:00:30Z\"), " +
            $"\"startedAt\" : {T0Json}, \"updatedAt\" : {T0Json}, \"stage\" : \"starting\", \"stageFraction\" : null, \"etaSeconds\" : null, \"availableAt\" : null }}, \"$inc\" : {{ \"attempts\" : 1 }} }}");
    }

    [Fact]
    public void Worker_moves_require_processing_and_the_lease_owner()
    {
        var error = new JobError(ErrorCode.ProcessingFailed, "x", T0);
        var owned = $"{{ \"_id\" : {IdJson}, \"status\" : \"processing\", \"leaseOwner\" : \"w1\" }}";

        Json(MongoJobCommands.Complete(JobId, "w1", JobArtifacts.None, T0).Filter).ShouldBe(owned);
        Json(MongoJobCommands.Fail(JobId, "w1", error, T0).Filter).ShouldBe(owned);
        Json(MongoJobCommands.Requeue(JobId, "w1", error, T0, T0).Filter).ShouldBe(owned);
        Json(MongoJobCommands.RenewLease(JobId, "w1", T0).Filter).ShouldBe(owned);
        Json(MongoJobCommands.SetProgress(JobId, "w1", new JobProgress("x"), T0).Filter).ShouldBe(owned);
        MongoJobCommands.Complete(JobId, "w1", JobArtifacts.None, T0).Update["$set"]["status"].ShouldBe(new BsonString("done"));
        MongoJobCommands.Fail(JobId, "w1", error, T0).Update["$set"]["status"].ShouldBe(new BsonString("failed"));
        var requeue = MongoJobCommands.Requeue(JobId, "w1", error, T0.AddSeconds(10), T0).Update["$set"].AsBsonDocument;
        requeue["status"].ShouldBe(new BsonString("queued"));
        requeue["availableAt"].ShouldBe(new BsonDateTime(T0.AddSeconds(10).ToUnixTimeMilliseconds()));
        requeue["leaseOwner"].ShouldBe(BsonNull.Value);
    }

    [Fact]
    public void Reclaim_matches_the_expired_lease_and_fails_the_job_when_out_of_attempts()
    {
        var (filter, pipeline) = MongoJobCommands.ReclaimExpired(JobId, T0, new JobError(ErrorCode.WorkerLost, "lost", T0), T0.AddMinutes(1));

        Json(filter).ShouldBe($"{{ \"_id\" : {IdJson}, \"status\" : \"processing\", \"leaseUntil\" : {T0Json} }}");
        var set = pipeline.ShouldHaveSingleItem()["$set"].AsBsonDocument;
        Json(set["status"].AsBsonDocument).ShouldBe("{ \"$cond\" : [{ \"$gte\" : [\"$attempts\", \"$maxAttempts\"] }, \"failed\", \"queued\"] }");
        set["lastError"]["$literal"]["code"].ShouldBe(new BsonString("worker_lost"));
    }

    [Fact]
    public void Operator_and_sweeper_moves_are_compare_and_set_too()
    {
        Json(MongoJobCommands.TouchQueued(JobId, T0, T0.AddMinutes(1)).Filter)
            .ShouldBe($"{{ \"_id\" : {IdJson}, \"status\" : \"queued\", \"updatedAt\" : {T0Json} }}");
        Json(MongoJobCommands.FailQueued(JobId, new JobError(ErrorCode.Internal, "x", T0), T0).Filter)
            .ShouldBe($"{{ \"_id\" : {IdJson}, \"status\" : \"queued\" }}");
        Json(MongoJobCommands.RetryFailed(JobId, T0).Filter).ShouldBe($"{{ \"_id\" : {IdJson}, \"status\" : \"failed\" }}");
        MongoJobCommands.RetryFailed(JobId, T0).Update["$set"]["attempts"].ShouldBe(new BsonInt32(0));
    }

    [Fact]
    public void Filters_render_unchanged_through_the_driver()
    {
        FilterDefinition<BsonDocument> filter = MongoJobCommands.ClaimableFilter(T0);
        var rendered = filter.Render(new RenderArgs<BsonDocument>(BsonSerializer.LookupSerializer<BsonDocument>(), BsonSerializer.SerializerRegistry));
        rendered.ShouldBe(MongoJobCommands.ClaimableFilter(T0));
    }

    [Fact]
    public void Indexes_cover_the_queries()
    {
        var keys = MongoJobCommands.Indexes.Select(i => Json(i.Keys)).ToArray();
        keys.ShouldContain("{ \"userId\" : 1, \"createdAt\" : -1 }");
        keys.ShouldContain("{ \"status\" : 1, \"leaseUntil\" : 1 }");
        keys.ShouldContain("{ \"status\" : 1, \"updatedAt\" : 1 }");
    }
}
