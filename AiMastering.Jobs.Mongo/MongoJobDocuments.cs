using AiMastering.Jobs.Model;
using MongoDB.Bson;

namespace AiMastering.Jobs.Store.Mongo;

/// <summary>
/// Job ↔ BSON, written out by hand so the stored shape is explicit: GUIDs as standard UUID binary
/// (subtype 4), dates as UTC BSON dates (millisecond precision), statuses and error codes as strings.
/// </summary>
public static class MongoJobDocuments
{
    public static BsonValue Id(Guid id) => new BsonBinaryData(id, GuidRepresentation.Standard);

    public static BsonValue Date(DateTimeOffset at) => new BsonDateTime(at.ToUnixTimeMilliseconds());

    public static BsonValue Date(DateTimeOffset? at) => at is { } value ? Date(value) : BsonNull.Value;

    public static BsonValue Text(string? value) => value is null ? BsonNull.Value : new BsonString(value);

    public static BsonValue Number(double? value) => value is null ? BsonNull.Value : new BsonDouble(value.Value);

    public static BsonDocument Error(JobError error) => new()
    {
        { "code", error.Code.ToWire() },
        { "message", error.Message },
        { "at", Date(error.At) },
    };

    public static BsonDocument ToBson(Job job) => new()
    {
        { "_id", Id(job.Id) },
        { "userId", job.UserId },
        { "status", job.Status.ToWire() },
        { "createdAt", Date(job.CreatedAt) },
        { "updatedAt", Date(job.UpdatedAt) },
        { "startedAt", Date(job.StartedAt) },
        { "finishedAt", Date(job.FinishedAt) },
        { "attempts", job.Attempts },
        { "maxAttempts", job.MaxAttempts },
        { "lastError", job.LastError is null ? BsonNull.Value : Error(job.LastError) },
        { "leaseUntil", Date(job.LeaseUntil) },
        { "leaseOwner", Text(job.LeaseOwner) },
        { "availableAt", Date(job.AvailableAt) },
        { "stage", Text(job.Stage) },
        { "stageFraction", Number(job.StageFraction) },
        { "etaSeconds", Number(job.EtaSeconds) },
        { "source", File(job.Source) },
        { "reference", job.Reference is null ? BsonNull.Value : File(job.Reference) },
        { "options", Options(job.Options) },
        { "artifacts", Artifacts(job.Artifacts) },
        { "requestId", Text(job.RequestId) },
        { "traceParent", Text(job.TraceParent) },
    };

    public static Job FromBson(BsonDocument d) => new()
    {
        Id = d["_id"].AsBsonBinaryData.ToGuid(GuidRepresentation.Standard),
        UserId = d["userId"].AsString,
        Status = JobStatuses.FromWire(d["status"].AsString),
        CreatedAt = ReadDate(d["createdAt"])!.Value,
        UpdatedAt = ReadDate(d["updatedAt"])!.Value,
        StartedAt = ReadDate(d.GetValue("startedAt", BsonNull.Value)),
        FinishedAt = ReadDate(d.GetValue("finishedAt", BsonNull.Value)),
        Attempts = d["attempts"].ToInt32(),
        MaxAttempts = d["maxAttempts"].ToInt32(),
        LastError = d.GetValue("lastError", BsonNull.Value) is BsonDocument e
            ? new JobError(ErrorCodes.FromWire(e["code"].AsString), e["message"].AsString, ReadDate(e["at"])!.Value)
            : null,
        LeaseUntil = ReadDate(d.GetValue("leaseUntil", BsonNull.Value)),
        LeaseOwner = ReadText(d, "leaseOwner"),
        AvailableAt = ReadDate(d.GetValue("availableAt", BsonNull.Value)),
        Stage = ReadText(d, "stage"),
        StageFraction = ReadNumber(d, "stageFraction"),
        EtaSeconds = ReadNumber(d, "etaSeconds"),
        Source = ReadFile(d["source"].AsBsonDocument),
        Reference = d.GetValue("reference", BsonNull.Value) is BsonDocument r ? ReadFile(r) : null,
        Options = d.GetValue("options", BsonNull.Value) is BsonDocument o ? ReadOptions(o) : JobOptions.Defaults,
        Artifacts = d.GetValue("artifacts", BsonNull.Value) is BsonDocument a ? ReadArtifacts(a) : JobArtifacts.None,
        RequestId = ReadText(d, "requestId"),
        TraceParent = ReadText(d, "traceParent"),
    };

    public static BsonDocument Artifacts(JobArtifacts a)
    {
        var doc = new BsonDocument();
        foreach (var (name, key) in a.All())
        {
            doc[name] = key;
        }

        return doc;
    }

    private static BsonDocument File(StoredFile f) => new()
    {
        { "key", f.Key },
        { "fileName", f.FileName },
        { "size", f.Size },
        { "contentType", f.ContentType },
    };

    private static StoredFile ReadFile(BsonDocument f) =>
        new(f["key"].AsString, f["fileName"].AsString, f["size"].ToInt64(), f["contentType"].AsString);

    private static BsonDocument Options(JobOptions o) => new()
    {
        { "target", Text(o.Target) },
        { "lufs", o.Lufs is { } l ? new BsonDouble(l) : BsonNull.Value },
        { "truePeakDbtp", o.TruePeakDbtp is { } t ? new BsonDouble(t) : BsonNull.Value },
        { "style", Text(o.Style) },
        { "intensity", Text(o.Intensity) },
        { "bitDepth", o.BitDepth is { } b ? new BsonInt32(b) : BsonNull.Value },
        { "width", o.Width is { } w ? new BsonBoolean(w) : BsonNull.Value },
        { "amount", o.Amount is { } m ? new BsonDouble(m) : BsonNull.Value },
    };

    private static JobOptions ReadOptions(BsonDocument o) => new()
    {
        Target = ReadText(o, "target"),
        Lufs = o.GetValue("lufs", BsonNull.Value) is { IsBsonNull: false } l ? l.ToDouble() : null,
        TruePeakDbtp = o.GetValue("truePeakDbtp", BsonNull.Value) is { IsBsonNull: false } t ? t.ToDouble() : null,
        Style = ReadText(o, "style"),
        Intensity = ReadText(o, "intensity"),
        BitDepth = o.GetValue("bitDepth", BsonNull.Value) is { IsBsonNull: false } b ? b.ToInt32() : null,
        Width = o.GetValue("width", BsonNull.Value) is { IsBsonNull: false } w ? w.ToBoolean() : null,
        Amount = o.GetValue("amount", BsonNull.Value) is { IsBsonNull: false } m ? m.ToDouble() : null,
    };

    private static JobArtifacts ReadArtifacts(BsonDocument a) => new()
    {
        Master = ReadText(a, "master"),
        Preview = ReadText(a, "preview"),
        Analysis = ReadText(a, "analysis"),
        Decision = ReadText(a, "decision"),
        Report = ReadText(a, "report"),
        ReferenceAnalysis = ReadText(a, "referenceAnalysis"),
        MasterAnalysis = ReadText(a, "masterAnalysis"),
    };

    private static DateTimeOffset? ReadDate(BsonValue value) =>
        value.IsBsonNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(value.AsBsonDateTime.MillisecondsSinceEpoch);

    private static string? ReadText(BsonDocument d, string name) =>
        d.GetValue(name, BsonNull.Value) is { IsBsonNull: false } v ? v.AsString : null;

    private static double? ReadNumber(BsonDocument d, string name) =>
        d.GetValue(name, BsonNull.Value) is { IsNumeric: true } v ? v.ToDouble() : null;
}
