using System.Globalization;
using System.Text.Json;
using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Notifications;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Grievance.Storage.Sqlite.Internal;

/// <summary>
/// The SQLite store. Each call opens a pooled connection; writes run in <c>BEGIN IMMEDIATE</c> transactions so
/// concurrent writers (threads or processes on one file) queue instead of deadlocking.
/// </summary>
internal sealed partial class SqliteComplaintStore : IComplaintStore, IOutboxStore, ICheckpointStore, ISequenceBlockAllocator, IDisposable
{
    private const string ComplaintColumns =
        "id, code, channel, source_message_id, conversation_id, addressed_account, complainant_id, complainant_handle, complainant_name, " +
        "text, language, attachments, department, district, category, routing, status, created_at, updated_at, due_at";

    private const string OutboxColumns =
        "id, idempotency_key, complaint_id, channel, kind, recipient_id, in_reply_to, from_account, text, created_at, status, attempts, sent_external_id, last_error, priority, next_attempt_at";

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly TimeProvider _time;
    private const int MaxPooledSessions = 8;
    private readonly SqliteMigrator _migrator;
    private readonly System.Collections.Concurrent.ConcurrentBag<SqliteSession> _sessions = [];
    private volatile bool _disposed;

    public SqliteComplaintStore(IOptions<SqliteStoreOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connectionString = options.Value.ConnectionString;
        _pragmas = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = " + (options.Value.SyncEveryCommit ? "FULL;" : "NORMAL;");
        _time = time;
        _migrator = new SqliteMigrator(_connectionString);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_sessions.TryTake(out var session))
        {
            session.Dispose();
        }

        _migrator.Dispose();
    }

    public async Task<ProcessedMessage?> FindProcessedAsync(string channel, string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalId);
        var session = await RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var found = await FindProcessedAsync(session, null, channel, externalId, cancellationToken).ConfigureAwait(false);
            Return(session);
            return found;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<ProcessedMessage>> FindProcessedBatchAsync(string channel, IReadOnlyList<string> externalIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalIds);
        var session = await RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One prepared lookup per id on one open connection: in-process, a query costs microseconds.
            var found = new List<ProcessedMessage>();
            foreach (var externalId in externalIds.Distinct(StringComparer.Ordinal))
            {
                if (await FindProcessedAsync(session, null, channel, externalId, cancellationToken).ConfigureAwait(false) is { } record)
                {
                    found.Add(record);
                }
            }

            Return(session);
            return found;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public async Task<IntakeCommitResult> CommitIntakeAsync(IntakeCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var session = await RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await CommitIntakeAsync(session, commit, cancellationToken).ConfigureAwait(false);
            Return(session);
            return result;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<IntakeCommitResult>> CommitIntakeBatchAsync(IReadOnlyList<IntakeCommit> commits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commits);
        if (commits.Count == 0)
        {
            return [];
        }

        var session = await RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One BEGIN IMMEDIATE ... COMMIT for the whole group: one WAL commit instead of one per message. An item whose
            // message is already recorded writes nothing and the rest go on; any other failure rolls the group back.
            var results = new IntakeCommitResult[commits.Count];
            await using (var transaction = (SqliteTransaction)await session.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < commits.Count; i++)
                {
                    var commit = commits[i] ?? throw new ArgumentException($"The commit at index {i} is null.", nameof(commits));
                    results[i] = await WriteAsync(session, transaction, commit, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            Return(session);
            return results;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static async Task<IntakeCommitResult> CommitIntakeAsync(SqliteSession session, IntakeCommit commit, CancellationToken cancellationToken)
    {
        var connection = session.Connection;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await WriteAsync(session, transaction, commit, cancellationToken).ConfigureAwait(false);
        if (result.Committed)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Writes one commit inside an open transaction; writes nothing when its message was already handled.</summary>
    private static async Task<IntakeCommitResult> WriteAsync(SqliteSession session, SqliteTransaction transaction, IntakeCommit commit, CancellationToken cancellationToken)
    {
        if (commit.Message is { } message)
        {
            var inserted = await session.ExecuteAsync(transaction,
                "INSERT INTO processed_messages (channel, external_id, outcome, complaint_id, rejection_id, processed_at) " +
                "VALUES ($channel, $external_id, $outcome, $complaint_id, $rejection_id, $at) ON CONFLICT (channel, external_id) DO NOTHING",
                cancellationToken,
                ("$channel", message.Channel), ("$external_id", message.ExternalId), ("$outcome", (int)message.Outcome),
                ("$complaint_id", message.ComplaintId?.ToString()), ("$rejection_id", message.RejectionId?.ToString()), ("$at", message.ProcessedAt.UtcTicks)).ConfigureAwait(false);
            if (inserted == 0)
            {
                var existing = await FindProcessedAsync(session, transaction, message.Channel, message.ExternalId, cancellationToken).ConfigureAwait(false);
                return new IntakeCommitResult(false, existing);
            }
        }

        if (commit.NewComplaint is { } c)
        {
            await session.ExecuteAsync(transaction,
                $"INSERT INTO complaints ({ComplaintColumns}) VALUES ($id, $code, $channel, $source, $conversation, $addressed, $cid, $chandle, $cname, " +
                "$text, $language, $attachments, $department, $district, $category, $routing, $status, $created, $updated, $due)",
                cancellationToken,
                ("$id", c.Id.ToString()), ("$code", c.Code.Value), ("$channel", c.Channel), ("$source", c.SourceMessageId), ("$conversation", c.ConversationId),
                ("$addressed", c.AddressedAccount), ("$cid", c.Complainant.PlatformId), ("$chandle", c.Complainant.Handle), ("$cname", c.Complainant.DisplayName),
                ("$text", c.Text), ("$language", c.Language), ("$attachments", JsonSerializer.Serialize([.. c.Attachments], SqliteJson.Default.ListAttachment)),
                ("$department", c.Department.Value), ("$district", c.District?.Value), ("$category", c.Category.Value),
                ("$routing", c.Routing is null ? null : JsonSerializer.Serialize(c.Routing, SqliteJson.Default.RoutingDecision)),
                ("$status", (int)c.Status), ("$created", c.CreatedAt.UtcTicks), ("$updated", c.UpdatedAt.UtcTicks), ("$due", c.DueAt?.UtcTicks)).ConfigureAwait(false);
        }

        foreach (var audit in commit.AuditEvents)
        {
            await session.ExecuteAsync(transaction,
                "INSERT INTO audit_events (id, complaint_id, action, actor, at, from_status, to_status, reason, source_message_id) " +
                "VALUES ($id, $complaint, $action, $actor, $at, $from, $to, $reason, $source)",
                cancellationToken,
                ("$id", audit.Id.ToString()), ("$complaint", audit.ComplaintId.ToString()), ("$action", audit.Action), ("$actor", audit.Actor),
                ("$at", audit.At.UtcTicks), ("$from", (int?)audit.FromStatus), ("$to", (int?)audit.ToStatus), ("$reason", audit.Reason), ("$source", audit.SourceMessageId)).ConfigureAwait(false);
        }

        foreach (var m in commit.Outbound)
        {
            await session.ExecuteAsync(transaction,
                $"INSERT INTO outbox ({OutboxColumns}) VALUES ($id, $key, $complaint, $channel, $kind, $recipient, $reply, $from, $text, $created, $status, $attempts, $sent, $error, $priority, $next)",
                cancellationToken,
                ("$id", m.Id.ToString()), ("$key", m.IdempotencyKey), ("$complaint", m.ComplaintId.ToString()), ("$channel", m.Channel), ("$kind", (int)m.Kind),
                ("$recipient", m.RecipientId), ("$reply", m.InReplyToExternalId), ("$from", m.FromAccount), ("$text", m.Text), ("$created", m.CreatedAt.UtcTicks),
                ("$status", (int)m.Status), ("$attempts", m.Attempts), ("$sent", m.SentExternalId), ("$error", m.LastError),
                ("$priority", (int)m.Priority), ("$next", m.NextAttemptAt?.UtcTicks)).ConfigureAwait(false);
        }

        if (commit.Rejection is { } r)
        {
            await session.ExecuteAsync(transaction,
                "INSERT INTO rejections (id, kind, channel, external_id, reasons, rejected_at, message, author_id) VALUES ($id, $kind, $channel, $external, $reasons, $at, $message, $author)",
                cancellationToken,
                ("$id", r.Id.ToString()), ("$kind", (int)r.Kind), ("$channel", r.Channel), ("$external", r.ExternalId),
                ("$reasons", JsonSerializer.Serialize([.. r.Reasons], SqliteJson.Default.ListString)), ("$at", r.RejectedAt.UtcTicks),
                ("$message", r.Message is null ? null : JsonSerializer.Serialize(r.Message, SqliteJson.Default.InboundMessage)),
                ("$author", AuthorOf(r))).ConfigureAwait(false);
        }

        return new IntakeCommitResult(true, null);
    }

    public Task<Complaint?> GetAsync(ComplaintId id, CancellationToken cancellationToken = default) =>
        SingleComplaintAsync("WHERE id = $p", id.ToString(), cancellationToken);

    public Task<Complaint?> FindByCodeAsync(ComplaintCode code, CancellationToken cancellationToken = default) =>
        SingleComplaintAsync("WHERE code = $p", code.Value ?? string.Empty, cancellationToken);

    public async Task<Complaint?> FindByConversationAsync(string channel, string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(conversationId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var list = await QueryComplaintsAsync(connection,
            $"SELECT {SelectColumns} FROM complaints WHERE channel = $channel AND conversation_id = $conversation ORDER BY position LIMIT 1",
            cancellationToken, ("$channel", channel), ("$conversation", conversationId)).ConfigureAwait(false);
        return list.Count > 0 ? list[0] : null;
    }

    public async Task<IReadOnlyList<Complaint>> ListAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Take);
        var (where, parameters) = Where(query);
        if (query.After is { } after)
        {
            where.Add("(created_at, id) > ($after_created, $after_id)");
            parameters.Add(("$after_created", after.CreatedAt.UtcTicks));
            parameters.Add(("$after_id", after.Id.ToString()));
        }

        parameters.Add(("$take", query.Take));
        parameters.Add(("$skip", query.Skip));
        var sql = $"SELECT {SelectColumns} FROM complaints {Join(where)} ORDER BY created_at, id LIMIT $take OFFSET $skip";
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await QueryComplaintsAsync(connection, sql, cancellationToken, [.. parameters]).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, parameters) = Where(query);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            $"SELECT district, status, COUNT(*) FROM complaints {Join(where)} GROUP BY district, status ORDER BY district, status", [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new List<ComplaintCount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(new ComplaintCount(reader.IsDBNull(0) ? null : new DistrictId(reader.GetString(0)), (ComplaintStatus)reader.GetInt32(1), reader.GetInt32(2)));
        }

        return counts;
    }

    private static (List<string> Where, List<(string, object?)> Parameters) Where(ComplaintQuery query)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        void In<T>(string column, IReadOnlyList<T> values, Func<T, object> value)
        {
            if (values.Count > 0)
            {
                var names = values.Select((_, i) => "$" + column + i.ToString(CultureInfo.InvariantCulture)).ToList();
                where.Add($"{column} IN ({string.Join(", ", names)})");
                parameters.AddRange(names.Select((n, i) => (n, (object?)value(values[i]))));
            }
        }

        void Equal(string column, object? value)
        {
            if (value is not null)
            {
                where.Add($"{column} = ${column}");
                parameters.Add(("$" + column, value));
            }
        }

        Equal("department", query.Department?.Value);
        In("district", query.Districts, d => d.Value);
        In("status", query.Statuses, s => (int)s);
        In("category", query.Categories, c => c.Value);
        Equal("code", query.Code?.Value);
        Equal("channel", query.Channel);
        Equal("source_message_id", query.SourceMessageId);
        if (query.CreatedFrom is { } from)
        {
            where.Add("created_at >= $created_from");
            parameters.Add(("$created_from", from.UtcTicks));
        }

        if (query.CreatedBefore is { } before)
        {
            where.Add("created_at < $created_before");
            parameters.Add(("$created_before", before.UtcTicks));
        }

        if (query.OverdueAt is { } at)
        {
            where.Add("due_at < $overdue_at AND status IN (" + string.Join(", ", ComplaintQuery.OpenStatuses.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture))) + ")");
            parameters.Add(("$overdue_at", at.UtcTicks));
        }

        return (where, parameters);
    }

    private static string Join(List<string> where) => where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty;

    public async Task<IReadOnlyList<AuditEvent>> GetAuditTrailAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT id, complaint_id, action, actor, at, from_status, to_status, reason, source_message_id FROM audit_events WHERE complaint_id = $id ORDER BY position",
            ("$id", id.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<AuditEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new AuditEvent
            {
                Id = Guid.Parse(reader.GetString(0)),
                ComplaintId = new ComplaintId(Guid.Parse(reader.GetString(1))),
                Action = reader.GetString(2),
                Actor = reader.GetString(3),
                At = Time(reader.GetInt64(4)),
                FromStatus = reader.IsDBNull(5) ? null : (ComplaintStatus)reader.GetInt32(5),
                ToStatus = reader.IsDBNull(6) ? null : (ComplaintStatus)reader.GetInt32(6),
                Reason = NullableString(reader, 7),
                SourceMessageId = NullableString(reader, 8),
            });
        }

        return events;
    }

    public async Task<IReadOnlyList<Rejection>> ListRejectionsAsync(int skip = 0, int take = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "SELECT id, kind, channel, external_id, reasons, rejected_at, message FROM rejections ORDER BY position LIMIT $take OFFSET $skip",
            ("$take", take), ("$skip", skip));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rejections = new List<Rejection>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rejections.Add(new Rejection
            {
                Id = Guid.Parse(reader.GetString(0)),
                Kind = (RejectionKind)reader.GetInt32(1),
                Channel = NullableString(reader, 2),
                ExternalId = NullableString(reader, 3),
                Reasons = JsonSerializer.Deserialize(reader.GetString(4), SqliteJson.Default.ListString) ?? [],
                RejectedAt = Time(reader.GetInt64(5)),
                Message = reader.IsDBNull(6) ? null : JsonSerializer.Deserialize(reader.GetString(6), SqliteJson.Default.InboundMessage),
            });
        }

        return rejections;
    }

    public async Task<IReadOnlyList<OutboundMessage>> ClaimPendingAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var now = _time.GetUtcNow();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var claimed = await QueryOutboxAsync(connection, transaction,
            "UPDATE outbox SET lease_until = $until WHERE position IN (SELECT position FROM outbox WHERE status = 0 AND (lease_until IS NULL OR lease_until <= $now) " +
            $"AND (next_attempt_at IS NULL OR next_attempt_at <= $now) ORDER BY priority DESC, position LIMIT $max) RETURNING position, {OutboxColumns}",
            cancellationToken, ("$until", (now + lease).UtcTicks), ("$now", now.UtcTicks), ("$max", max)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return [.. claimed.OrderByDescending(m => m.Priority)]; // stable: oldest first within a priority
    }

    public async Task<IReadOnlyList<OutboundMessage>> GetPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await QueryOutboxAsync(connection, null, $"SELECT position, {OutboxColumns} FROM outbox WHERE status = 0 ORDER BY position LIMIT $max", cancellationToken, ("$max", max)).ConfigureAwait(false);
    }

    public async Task RetryLaterAsync(Guid id, string error, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await ExecuteAsync(connection, null,
            "UPDATE outbox SET status = 0, attempts = attempts + 1, last_error = $error, lease_until = NULL, next_attempt_at = $next WHERE id = $id AND status = 0",
            cancellationToken, ("$error", error), ("$next", notBefore.UtcTicks), ("$id", id.ToString())).ConfigureAwait(false);
        if (changed == 0)
        {
            await ThrowIfNoOutboxMessageAsync(connection, id, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task ReleaseAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in ids)
        {
            await ExecuteAsync(connection, transaction, "UPDATE outbox SET lease_until = NULL WHERE id = $id AND status = 0", cancellationToken, ("$id", id.ToString())).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OutboundMessage>> GetFailedAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var failed = await QueryOutboxAsync(connection, null, $"SELECT position, {OutboxColumns} FROM outbox WHERE status = 2 ORDER BY position DESC LIMIT $max", cancellationToken, ("$max", max)).ConfigureAwait(false);
        failed.Reverse();
        return failed;
    }

    public async Task<int> CountFailedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT count(*) FROM outbox WHERE status = 2");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<OutboundMessage>> ListForComplaintAsync(ComplaintId complaintId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await QueryOutboxAsync(connection, null, $"SELECT position, {OutboxColumns} FROM outbox WHERE complaint_id = $id ORDER BY position", cancellationToken, ("$id", complaintId.ToString())).ConfigureAwait(false);
    }

    public async Task MarkSentAsync(Guid id, string sentExternalId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sentExternalId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await ExecuteAsync(connection, null,
            "UPDATE outbox SET status = 1, sent_external_id = $sent, attempts = attempts + 1, last_error = NULL, lease_until = NULL, next_attempt_at = NULL WHERE id = $id",
            cancellationToken, ("$sent", sentExternalId), ("$id", id.ToString())).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new KeyNotFoundException($"No outbox message has id {id}.");
        }
    }

    public async Task MarkFailedAsync(Guid id, string error, bool permanent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await ExecuteAsync(connection, null,
            "UPDATE outbox SET status = $status, attempts = attempts + 1, last_error = $error, lease_until = NULL WHERE id = $id AND status = 0",
            cancellationToken, ("$status", permanent ? (int)OutboundMessageStatus.Failed : (int)OutboundMessageStatus.Pending), ("$error", error), ("$id", id.ToString())).ConfigureAwait(false);
        if (changed == 0)
        {
            await ThrowIfNoOutboxMessageAsync(connection, id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After an update of a pending message changed nothing: a missing message is the caller's error; a settled one means a
    /// claimer whose lease expired reported late, and the settled state (sent, or failed for good) is kept.
    /// </summary>
    private static async Task ThrowIfNoOutboxMessageAsync(SqliteConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, "SELECT count(*) FROM outbox WHERE id = $id", ("$id", id.ToString()));
        if ((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 0)
        {
            throw new KeyNotFoundException($"No outbox message has id {id}.");
        }
    }

    public async Task<string?> GetAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT checkpoint FROM checkpoints WHERE source = $source", ("$source", source));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task SetAsync(string source, string checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpoint);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null,
            "INSERT INTO checkpoints (source, checkpoint, updated_at) VALUES ($source, $checkpoint, $at) " +
            "ON CONFLICT (source) DO UPDATE SET checkpoint = excluded.checkpoint, updated_at = excluded.updated_at",
            cancellationToken, ("$source", source), ("$checkpoint", checkpoint), ("$at", _time.GetUtcNow().UtcTicks)).ConfigureAwait(false);
    }

    public ValueTask<long> ReserveAsync(SequenceScope scope, int count, CancellationToken cancellationToken = default) =>
        ReserveAsync(scope.ToString(), count, cancellationToken);

    /// <summary>Reserves <paramref name="count"/> consecutive values of a sequence and returns the first.</summary>
    internal async ValueTask<long> ReserveAsync(string scope, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "INSERT INTO sequences (scope, next_value) VALUES ($scope, $count) " +
            "ON CONFLICT (scope) DO UPDATE SET next_value = next_value + $count RETURNING next_value - $count",
            ("$scope", scope), ("$count", count));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Takes an open connection with its prepared statements from the store's own small pool (the intake hot path).</summary>
    private async Task<SqliteSession> RentAsync(CancellationToken cancellationToken)
    {
        if (_sessions.TryTake(out var session))
        {
            return session;
        }

        return new SqliteSession(await OpenAsync(cancellationToken).ConfigureAwait(false));
    }

    private void Return(SqliteSession session)
    {
        if (_disposed || _sessions.Count >= MaxPooledSessions)
        {
            session.Dispose();
        }
        else
        {
            _sessions.Add(session);
        }
    }

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _migrator.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = Command(connection, null, _pragmas);
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<Complaint?> SingleComplaintAsync(string where, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var list = await QueryComplaintsAsync(connection, $"SELECT {SelectColumns} FROM complaints {where}", cancellationToken, ("$p", value)).ConfigureAwait(false);
        return list.Count > 0 ? list[0] : null;
    }

    private static async Task<ProcessedMessage?> FindProcessedAsync(SqliteSession session, SqliteTransaction? transaction, string channel, string externalId, CancellationToken cancellationToken)
    {
        var command = session.Prepared(transaction,
            "SELECT outcome, complaint_id, rejection_id, processed_at FROM processed_messages WHERE channel = $channel AND external_id = $external",
            ("$channel", channel), ("$external", externalId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new ProcessedMessage
        {
            Channel = channel,
            ExternalId = externalId,
            Outcome = (MessageOutcome)reader.GetInt32(0),
            ComplaintId = reader.IsDBNull(1) ? null : new ComplaintId(Guid.Parse(reader.GetString(1))),
            RejectionId = reader.IsDBNull(2) ? null : Guid.Parse(reader.GetString(2)),
            ProcessedAt = Time(reader.GetInt64(3)),
        };
    }

    private static async Task<List<Complaint>> QueryComplaintsAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var complaints = new List<Complaint>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            complaints.Add(WithLifecycle(reader, new Complaint
            {
                Id = new ComplaintId(Guid.Parse(reader.GetString(0))),
                Code = StoredCode.Read(reader.GetString(1)),
                Channel = reader.GetString(2),
                SourceMessageId = reader.GetString(3),
                ConversationId = NullableString(reader, 4),
                AddressedAccount = NullableString(reader, 5),
                Complainant = new Complainant { PlatformId = reader.GetString(6), Handle = NullableString(reader, 7), DisplayName = NullableString(reader, 8) },
                Text = reader.GetString(9),
                Language = NullableString(reader, 10),
                Attachments = JsonSerializer.Deserialize(reader.GetString(11), SqliteJson.Default.ListAttachment) ?? [],
                Department = new DepartmentId(reader.GetString(12)),
                District = reader.IsDBNull(13) ? null : new DistrictId(reader.GetString(13)),
                Category = new CategoryId(reader.GetString(14)),
                Routing = reader.IsDBNull(15) ? null : JsonSerializer.Deserialize(reader.GetString(15), SqliteJson.Default.RoutingDecision),
                Status = (ComplaintStatus)reader.GetInt32(16),
                CreatedAt = Time(reader.GetInt64(17)),
                UpdatedAt = Time(reader.GetInt64(18)),
                DueAt = reader.IsDBNull(19) ? null : Time(reader.GetInt64(19)),
            }));
        }

        return complaints;
    }

    private static async Task<List<OutboundMessage>> QueryOutboxAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(long Position, OutboundMessage Message)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((reader.GetInt64(0), new OutboundMessage
            {
                Id = Guid.Parse(reader.GetString(1)),
                IdempotencyKey = reader.GetString(2),
                ComplaintId = new ComplaintId(Guid.Parse(reader.GetString(3))),
                Channel = reader.GetString(4),
                Kind = (OutboundMessageKind)reader.GetInt32(5),
                RecipientId = reader.GetString(6),
                InReplyToExternalId = NullableString(reader, 7),
                FromAccount = NullableString(reader, 8),
                Text = reader.GetString(9),
                CreatedAt = Time(reader.GetInt64(10)),
                Status = (OutboundMessageStatus)reader.GetInt32(11),
                Attempts = reader.GetInt32(12),
                SentExternalId = NullableString(reader, 13),
                LastError = NullableString(reader, 14),
                Priority = (OutboundMessagePriority)reader.GetInt32(15),
                NextAttemptAt = reader.IsDBNull(16) ? null : Time(reader.GetInt64(16)),
            }));
        }

        // RETURNING gives no order guarantee: restore the outbox order.
        return [.. rows.OrderBy(r => r.Position).Select(r => r.Message)];
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is built from constants only; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}

/// <summary>
/// An open connection that keeps its commands prepared, so the statements intake runs for every message are compiled
/// once per connection rather than once per message.
/// </summary>
internal sealed class SqliteSession(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection { get; } = connection;

    public SqliteCommand Prepared(SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is built from constants only; every value is a parameter.
            command.CommandText = sql;
#pragma warning restore CA2100
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _commands[sql] = command;
        }

        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }

        return command;
    }

    public Task<int> ExecuteAsync(SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        Prepared(transaction, sql, parameters).ExecuteNonQueryAsync(cancellationToken);

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        Connection.Dispose();
    }
}

/// <summary>Reads a code stored in its canonical text form.</summary>
internal static class StoredCode
{
    public static ComplaintCode Read(string value) => ComplaintCode.Parse(value);
}
