using System.Data.Common;
using System.Text.Json;
using AiMastering.Jobs.Model;
using Microsoft.Data.Sqlite;

namespace AiMastering.Jobs.Store;

/// <summary>
/// The embedded job store: one SQLite file in WAL mode, shared by the API and worker processes.
/// Every status change is a single <c>UPDATE … WHERE status = @expected</c> (compare-and-set).
/// Times are stored as Unix milliseconds (UTC).
/// </summary>
public sealed class SqliteJobStore : IJobStore
{
    private const string Columns =
        "id, user_id, status, created_at, updated_at, started_at, finished_at, attempts, max_attempts, " +
        "error_code, error_message, error_at, lease_until, lease_owner, available_at, stage, " +
        "source, reference, options, artifacts, request_id, trace_parent, stage_fraction, eta_seconds";

    private readonly string _connectionString;

    public SqliteJobStore(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        };
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = builder.ToString();
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS jobs (
              id TEXT PRIMARY KEY,
              user_id TEXT NOT NULL,
              status TEXT NOT NULL,
              created_at INTEGER NOT NULL,
              updated_at INTEGER NOT NULL,
              started_at INTEGER NULL,
              finished_at INTEGER NULL,
              attempts INTEGER NOT NULL,
              max_attempts INTEGER NOT NULL,
              error_code TEXT NULL,
              error_message TEXT NULL,
              error_at INTEGER NULL,
              lease_until INTEGER NULL,
              lease_owner TEXT NULL,
              available_at INTEGER NULL,
              stage TEXT NULL,
              source TEXT NOT NULL,
              reference TEXT NULL,
              options TEXT NOT NULL,
              artifacts TEXT NOT NULL,
              request_id TEXT NULL,
              trace_parent TEXT NULL,
              stage_fraction REAL NULL,
              eta_seconds REAL NULL);
            CREATE INDEX IF NOT EXISTS ix_jobs_user_created ON jobs (user_id, created_at DESC);
            CREATE INDEX IF NOT EXISTS ix_jobs_status_available ON jobs (status, available_at, created_at);
            CREATE INDEX IF NOT EXISTS ix_jobs_status_lease ON jobs (status, lease_until);
            CREATE INDEX IF NOT EXISTS ix_jobs_user_started ON jobs (user_id, started_at);
            CREATE INDEX IF NOT EXISTS ix_jobs_source_key ON jobs (json_extract(source, '$.key'));
            CREATE INDEX IF NOT EXISTS ix_jobs_reference_key ON jobs (json_extract(reference, '$.key'));
            """, cancellationToken);
        await AddProgressColumnsAsync(connection, cancellationToken);
    }

    // Databases made before progress had fractions lack its two columns.
    private static async Task AddProgressColumnsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('jobs') WHERE name = 'eta_seconds'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            await ExecuteAsync(connection, "ALTER TABLE jobs ADD COLUMN stage_fraction REAL NULL; ALTER TABLE jobs ADD COLUMN eta_seconds REAL NULL;", cancellationToken);
        }
    }

    private const string Values = "@id, @user, @status, @created, @updated, @started, @finished, " +
        "@attempts, @max, @ecode, @emsg, @eat, @lease, @owner, @available, @stage, @source, @reference, @options, @artifacts, @request, @trace, @fraction, @eta";

    public async Task InsertAsync(Job job, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO jobs ({Columns}) VALUES ({Values})";
        BindJob(command, job);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<InsertOutcome> TryInsertAsync(Job job, int maxActivePerUser, CancellationToken cancellationToken)
    {
        // One statement: SQLite holds the write lock from the checks to the insert, so two requests at
        // once cannot both pass the count or both use one upload.
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO jobs ({Columns}) SELECT {Values} " +
            $"WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE {UsesKey("@skey")} " +
            $"OR (@rkey IS NOT NULL AND {UsesKey("@rkey")})) " +
            "AND (SELECT COUNT(*) FROM jobs WHERE user_id = @user AND status IN ('queued', 'processing')) < @maxActive";
        BindJob(command, job);
        Bind(command, "@skey", job.Source.Key);
        Bind(command, "@rkey", job.Reference?.Key);
        Bind(command, "@maxActive", maxActivePerUser);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return InsertOutcome.Inserted;
        }

        var used = await IsUploadUsedAsync(job.Source.Key, cancellationToken)
            || (job.Reference is not null && await IsUploadUsedAsync(job.Reference.Key, cancellationToken));
        return used ? InsertOutcome.UploadUsed : InsertOutcome.TooManyActive;
    }

    public async Task<int> CountActiveAsync(string userId, CancellationToken cancellationToken) =>
        (int)await ScalarAsync("SELECT COUNT(*) FROM jobs WHERE user_id = @user AND status IN ('queued', 'processing')",
            cancellationToken, ("@user", userId));

    public async Task<bool> IsUploadUsedAsync(string key, CancellationToken cancellationToken) =>
        await ScalarAsync($"SELECT EXISTS (SELECT 1 FROM jobs WHERE {UsesKey("@key")})",
            cancellationToken, ("@key", key)) == 1;

    public async Task<Job?> GetOwnedAsync(Guid id, string? ownerId, CancellationToken cancellationToken) =>
        Single(await QueryAsync($"SELECT {Columns} FROM jobs WHERE id = @id AND (@owner IS NULL OR user_id = @owner)",
            cancellationToken, ("@id", id.ToString("N")), ("@owner", ownerId)));

    public async Task<Job?> DeleteAsync(Guid id, string? ownerId, CancellationToken cancellationToken) =>
        Single(await QueryAsync($"DELETE FROM jobs WHERE id = @id AND (@owner IS NULL OR user_id = @owner) AND status <> 'processing' RETURNING {Columns}",
            cancellationToken, ("@id", id.ToString("N")), ("@owner", ownerId)));

    public Task<IReadOnlyList<Job>> ListExpiredAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM jobs WHERE status IN ('done', 'failed') AND updated_at < @cutoff ORDER BY updated_at LIMIT @limit",
            cancellationToken, ("@cutoff", Ms(cutoff)), ("@limit", limit));

    private static string UsesKey(string parameter) =>
        $"(json_extract(source, '$.key') = {parameter} OR json_extract(reference, '$.key') = {parameter})";

    private static void BindJob(SqliteCommand command, Job job)
    {
        Bind(command, "@id", job.Id.ToString("N"));
        Bind(command, "@user", job.UserId);
        Bind(command, "@status", job.Status.ToWire());
        Bind(command, "@created", Ms(job.CreatedAt));
        Bind(command, "@updated", Ms(job.UpdatedAt));
        Bind(command, "@started", Ms(job.StartedAt));
        Bind(command, "@finished", Ms(job.FinishedAt));
        Bind(command, "@attempts", job.Attempts);
        Bind(command, "@max", job.MaxAttempts);
        Bind(command, "@ecode", job.LastError?.Code.ToWire());
        Bind(command, "@emsg", job.LastError?.Message);
        Bind(command, "@eat", Ms(job.LastError?.At));
        Bind(command, "@lease", Ms(job.LeaseUntil));
        Bind(command, "@owner", job.LeaseOwner);
        Bind(command, "@available", Ms(job.AvailableAt));
        Bind(command, "@stage", job.Stage);
        Bind(command, "@source", JsonSerializer.Serialize(job.Source, JobsJsonContext.Default.StoredFile));
        Bind(command, "@reference", job.Reference is null ? null : JsonSerializer.Serialize(job.Reference, JobsJsonContext.Default.StoredFile));
        Bind(command, "@options", JsonSerializer.Serialize(job.Options, JobsJsonContext.Default.JobOptions));
        Bind(command, "@artifacts", JsonSerializer.Serialize(job.Artifacts, JobsJsonContext.Default.JobArtifacts));
        Bind(command, "@request", job.RequestId);
        Bind(command, "@trace", job.TraceParent);
        Bind(command, "@fraction", job.StageFraction);
        Bind(command, "@eta", job.EtaSeconds);
    }

    public async Task<Job?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        Single(await QueryAsync($"SELECT {Columns} FROM jobs WHERE id = @id", cancellationToken, ("@id", id.ToString("N"))));

    public Task<IReadOnlyList<Job>> ListForUserAsync(string userId, int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM jobs WHERE user_id = @user ORDER BY created_at DESC, id DESC LIMIT @limit",
            cancellationToken, ("@user", userId), ("@limit", limit));

    public Task<IReadOnlyList<Job>> ListRecentAsync(JobStatus? status, int limit, CancellationToken cancellationToken) =>
        status is null
            ? QueryAsync($"SELECT {Columns} FROM jobs ORDER BY created_at DESC, id DESC LIMIT @limit", cancellationToken, ("@limit", limit))
            : QueryAsync($"SELECT {Columns} FROM jobs WHERE status = @status ORDER BY created_at DESC, id DESC LIMIT @limit",
                cancellationToken, ("@status", status.Value.ToWire()), ("@limit", limit));

    public async Task<IReadOnlyList<Guid>> FindClaimableAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var jobs = await QueryAsync(
            $"SELECT {Columns} FROM jobs WHERE status = 'queued' AND (available_at IS NULL OR available_at <= @now) " +
            "ORDER BY (SELECT MAX(started_at) FROM jobs served WHERE served.user_id = jobs.user_id) NULLS FIRST, created_at LIMIT @limit",
            cancellationToken, ("@now", Ms(now)), ("@limit", limit));
        return jobs.Select(j => j.Id).ToList();
    }

    public async Task<Job?> TryClaimAsync(Guid id, string workerId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        Single(await QueryAsync(
            $"UPDATE jobs SET status = 'processing', attempts = attempts + 1, lease_owner = @owner, lease_until = @lease, " +
            "started_at = @now, updated_at = @now, stage = 'starting', stage_fraction = NULL, eta_seconds = NULL, available_at = NULL " +
            $"WHERE id = @id AND status = 'queued' AND (available_at IS NULL OR available_at <= @now) RETURNING {Columns}",
            cancellationToken, ("@id", id.ToString("N")), ("@owner", workerId), ("@lease", Ms(now + lease)), ("@now", Ms(now))));

    public Task<bool> RenewLeaseAsync(Guid id, string workerId, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE jobs SET lease_until = @lease WHERE id = @id AND status = 'processing' AND lease_owner = @owner",
            cancellationToken, ("@id", id.ToString("N")), ("@owner", workerId), ("@lease", Ms(leaseUntil)));

    public Task<bool> SetProgressAsync(Guid id, string workerId, JobProgress progress, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE jobs SET stage = @stage, stage_fraction = @fraction, eta_seconds = @eta, updated_at = @now " +
            "WHERE id = @id AND status = 'processing' AND lease_owner = @owner",
            cancellationToken, ("@id", id.ToString("N")), ("@owner", workerId), ("@stage", progress.Stage), ("@fraction", progress.Fraction),
            ("@eta", progress.EtaSeconds), ("@now", Ms(now)));

    public Task<bool> CompleteAsync(Guid id, string workerId, JobArtifacts artifacts, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE jobs SET status = 'done', artifacts = @artifacts, finished_at = @now, updated_at = @now, stage = 'done', " +
            "lease_until = NULL WHERE id = @id AND status = 'processing' AND lease_owner = @owner",
            cancellationToken, ("@id", id.ToString("N")), ("@owner", workerId), ("@now", Ms(now)),
            ("@artifacts", JsonSerializer.Serialize(artifacts, JobsJsonContext.Default.JobArtifacts)));

    public Task<bool> FailAsync(Guid id, string workerId, JobError error, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE jobs SET status = 'failed', error_code = @ecode, error_message = @emsg, error_at = @eat, finished_at = @now, " +
            "updated_at = @now, stage = 'failed', lease_until = NULL WHERE id = @id AND status = 'processing' AND lease_owner = @owner",
            cancellationToken, [("@id", id.ToString("N")), ("@owner", workerId), ("@now", Ms(now)), .. ErrorParameters(error)]);

    public Task<bool> RequeueAsync(Guid id, string workerId, JobError error, DateTimeOffset availableAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE jobs SET status = 'queued', error_code = @ecode, error_message = @emsg, error_at = @eat, available_at = @available, " +
            "updated_at = @now, stage = 'waiting to retry', lease_until = NULL, lease_owner = NULL " +
            "WHERE id = @id AND status = 'processing' AND lease_owner = @owner",
            cancellationToken, [("@id", id.ToString("N")), ("@owner", workerId), ("@now", Ms(now)), ("@available", Ms(availableAt)), .. ErrorParameters(error)]);

    public Task<IReadOnlyList<Job>> FindExpiredLeasesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM jobs WHERE status = 'processing' AND lease_until < @now ORDER BY lease_until LIMIT @limit",
            cancellationToken, ("@now", Ms(now)), ("@limit", limit));

    public Task<bool> ReclaimExpiredAsync(Guid id, DateTimeOffset expiredLease, JobError error, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END, " +
            "finished_at = CASE WHEN attempts >= max_attempts THEN @now ELSE NULL END, " +
            "stage = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'waiting to retry' END, " +
            "error_code = @ecode, error_message = @emsg, error_at = @eat, updated_at = @now, available_at = NULL, lease_until = NULL, lease_owner = NULL " +
            "WHERE id = @id AND status = 'processing' AND lease_until = @expired",
            cancellationToken, [("@id", id.ToString("N")), ("@expired", Ms(expiredLease)), ("@now", Ms(now)), .. ErrorParameters(error)]);

    public Task<IReadOnlyList<Job>> FindStaleQueuedAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM jobs WHERE status = 'queued' AND updated_at < @cutoff AND (available_at IS NULL OR available_at < @cutoff) " +
            "ORDER BY updated_at LIMIT @limit", cancellationToken, ("@cutoff", Ms(cutoff)), ("@limit", limit));

    public Task<bool> TouchQueuedAsync(Guid id, DateTimeOffset expectedUpdatedAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE jobs SET updated_at = @now WHERE id = @id AND status = 'queued' AND updated_at = @expected",
            cancellationToken, ("@id", id.ToString("N")), ("@expected", Ms(expectedUpdatedAt)), ("@now", Ms(now)));

    public Task<bool> FailQueuedAsync(Guid id, JobError error, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE jobs SET status = 'failed', error_code = @ecode, error_message = @emsg, error_at = @eat, finished_at = @now, " +
            "updated_at = @now, stage = 'failed' WHERE id = @id AND status = 'queued'",
            cancellationToken, [("@id", id.ToString("N")), ("@now", Ms(now)), .. ErrorParameters(error)]);

    public Task<bool> RetryFailedAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE jobs SET status = 'queued', attempts = 0, available_at = NULL, finished_at = NULL, updated_at = @now, stage = 'queued' " +
            "WHERE id = @id AND status = 'failed'", cancellationToken, ("@id", id.ToString("N")), ("@now", Ms(now)));

    public Task<IReadOnlyList<Job>> PurgeFinishedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        QueryAsync($"DELETE FROM jobs WHERE status IN ('done', 'failed') AND updated_at < @cutoff RETURNING {Columns}",
            cancellationToken, ("@cutoff", Ms(olderThan)));

    public async Task<QueueSnapshot> GetQueueSnapshotAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var transient = string.Join(", ", TransientCodes.Select(c => $"'{c}'"));
        command.CommandText = "SELECT (SELECT COUNT(*) FROM jobs WHERE status = 'queued'), (SELECT MIN(created_at) FROM jobs WHERE status = 'queued'), " +
            $"(SELECT COUNT(*) FROM jobs WHERE status = 'failed' AND error_code IN ({transient}))";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new QueueSnapshot(reader.GetInt64(0), reader.IsDBNull(1) ? null : FromMs(reader.GetInt64(1)), reader.GetInt64(2));
    }

    private static IEnumerable<string> TransientCodes => Enum.GetValues<ErrorCode>().Where(c => c.IsTransient()).Select(c => c.ToWire());

    private static Job? Single(IReadOnlyList<Job> jobs) => jobs.Count == 0 ? null : jobs[0];

    private static (string, object?)[] ErrorParameters(JobError error) =>
        [("@ecode", error.Code.ToWire()), ("@emsg", error.Message), ("@eat", Ms(error.At))];

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;", cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<bool> UpdateAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Bind(command, name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Bind(command, name, value);
        }

        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<IReadOnlyList<Job>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            Bind(command, name, value);
        }

        var jobs = new List<Job>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(Read(reader));
        }

        return jobs;
    }

    private static Job Read(DbDataReader r)
    {
        JobError? error = r.IsDBNull(9)
            ? null
            : new JobError(ErrorCodes.FromWire(r.GetString(9)), r.GetString(10), FromMs(r.GetInt64(11)));
        return new Job
        {
            Id = Guid.ParseExact(r.GetString(0), "N"),
            UserId = r.GetString(1),
            Status = JobStatuses.FromWire(r.GetString(2)),
            CreatedAt = FromMs(r.GetInt64(3)),
            UpdatedAt = FromMs(r.GetInt64(4)),
            StartedAt = r.IsDBNull(5) ? null : FromMs(r.GetInt64(5)),
            FinishedAt = r.IsDBNull(6) ? null : FromMs(r.GetInt64(6)),
            Attempts = r.GetInt32(7),
            MaxAttempts = r.GetInt32(8),
            LastError = error,
            LeaseUntil = r.IsDBNull(12) ? null : FromMs(r.GetInt64(12)),
            LeaseOwner = r.IsDBNull(13) ? null : r.GetString(13),
            AvailableAt = r.IsDBNull(14) ? null : FromMs(r.GetInt64(14)),
            Stage = r.IsDBNull(15) ? null : r.GetString(15),
            Source = JsonSerializer.Deserialize(r.GetString(16), JobsJsonContext.Default.StoredFile)!,
            Reference = r.IsDBNull(17) ? null : JsonSerializer.Deserialize(r.GetString(17), JobsJsonContext.Default.StoredFile),
            Options = JsonSerializer.Deserialize(r.GetString(18), JobsJsonContext.Default.JobOptions)!,
            Artifacts = JsonSerializer.Deserialize(r.GetString(19), JobsJsonContext.Default.JobArtifacts)!,
            RequestId = r.IsDBNull(20) ? null : r.GetString(20),
            TraceParent = r.IsDBNull(21) ? null : r.GetString(21),
            StageFraction = r.IsDBNull(22) ? null : r.GetDouble(22),
            EtaSeconds = r.IsDBNull(23) ? null : r.GetDouble(23),
        };
    }

    private static void Bind(SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);

    private static long? Ms(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    private static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
