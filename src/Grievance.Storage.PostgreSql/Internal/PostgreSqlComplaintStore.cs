using System.Text.Json;
using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Notifications;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Grievance.Storage.PostgreSql.Internal;

/// <summary>
/// The PostgreSQL store, shared by several worker processes. Each call borrows a pooled connection; an intake commit is
/// one transaction whose first statement (the processed-message insert) is the gate that makes concurrent deliveries of
/// one message yield one complaint; outbox claims skip rows another claimer has locked and hold the rest with a lease.
/// </summary>
internal sealed partial class PostgreSqlComplaintStore : IComplaintStore, IOutboxStore, ICheckpointStore, ISequenceBlockAllocator, IDisposable
{
    private const string ComplaintColumns =
        "id, code, channel, source_message_id, conversation_id, addressed_account, complainant_id, complainant_handle, complainant_name, " +
        "text, language, attachments, department, district, category, routing, status, created_at, updated_at, due_at";

    private const string OutboxColumns =
        "id, idempotency_key, complaint_id, channel, kind, recipient_id, in_reply_to, from_account, text, created_at, status, attempts, sent_external_id, last_error, priority, next_attempt_at";

    // Rows another claimer is taking right now are skipped rather than waited for; a row whose claim committed
    // meanwhile is re-checked against the lease condition under its row lock, so it is never claimed twice.
    private static readonly string ClaimSql =
        "WITH claimable AS (SELECT id FROM {schema}.outbox WHERE status = 0 AND (lease_until IS NULL OR lease_until <= @now) " +
        "AND (next_attempt_at IS NULL OR next_attempt_at <= @now) ORDER BY priority DESC, position LIMIT @max FOR UPDATE SKIP LOCKED) " +
        "UPDATE {schema}.outbox AS o SET lease_until = @until FROM claimable WHERE o.id = claimable.id " +
        "RETURNING o.position, " + string.Join(", ", OutboxColumns.Split(", ").Select(c => "o." + c));

    private readonly PostgreSqlDatabase _database;
    private readonly TimeProvider _time;
    private readonly PostgreSqlMigrator _migrator;
    private readonly ILogger<PostgreSqlComplaintStore> _logger;

    public PostgreSqlComplaintStore(PostgreSqlDatabase database, TimeProvider time, ILogger<PostgreSqlComplaintStore> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _time = time;
        _logger = logger;
        _migrator = new PostgreSqlMigrator(database, time, logger);
    }

    public void Dispose() => _migrator.Dispose();

    public async Task<ProcessedMessage?> FindProcessedAsync(string channel, string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindProcessedAsync(connection, channel, externalId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IntakeCommitResult> CommitIntakeAsync(IntakeCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        if (commit.Message is { } message)
        {
            // A concurrent transaction inserting the same key makes this wait for it: if it commits, nothing is inserted here.
            await using var gate = Command(connection,
                "INSERT INTO {schema}.processed_messages (channel, external_id, outcome, complaint_id, rejection_id, processed_at) " +
                "VALUES (@channel, @external_id, @outcome, @complaint_id, @rejection_id, @at) ON CONFLICT (channel, external_id) DO NOTHING",
                ("channel", message.Channel), ("external_id", message.ExternalId), ("outcome", (int)message.Outcome),
                ("complaint_id", message.ComplaintId?.Value), ("rejection_id", message.RejectionId), ("at", Utc(message.ProcessedAt)));
            if (await gate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                var existing = await FindProcessedAsync(connection, message.Channel, message.ExternalId, cancellationToken).ConfigureAwait(false);
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return new IntakeCommitResult(false, existing);
            }
        }

        // Everything else goes to the server in one round trip; any failure (duplicate code or idempotency key, audit
        // for an unknown complaint) aborts the transaction, so nothing of the commit is written.
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (commit.NewComplaint is { } c)
        {
            batch.BatchCommands.Add(BatchCommand(
                $"INSERT INTO {{schema}}.complaints ({ComplaintColumns}) VALUES (@id, @code, @channel, @source, @conversation, @addressed, @cid, @chandle, @cname, " +
                "@text, @language, @attachments, @department, @district, @category, @routing, @status, @created, @updated, @due)",
                ("id", c.Id.Value), ("code", c.Code.Value), ("channel", c.Channel), ("source", c.SourceMessageId), ("conversation", c.ConversationId),
                ("addressed", c.AddressedAccount), ("cid", c.Complainant.PlatformId), ("chandle", c.Complainant.Handle), ("cname", c.Complainant.DisplayName),
                ("text", c.Text), ("language", c.Language), ("attachments", Json(JsonSerializer.Serialize([.. c.Attachments], PostgreSqlJson.Default.ListAttachment))),
                ("department", c.Department.Value), ("district", c.District?.Value), ("category", c.Category.Value),
                ("routing", c.Routing is null ? null : Json(JsonSerializer.Serialize(c.Routing, PostgreSqlJson.Default.RoutingDecision))),
                ("status", (int)c.Status), ("created", Utc(c.CreatedAt)), ("updated", Utc(c.UpdatedAt)), ("due", Utc(c.DueAt))));
        }

        foreach (var audit in commit.AuditEvents)
        {
            batch.BatchCommands.Add(BatchCommand(
                "INSERT INTO {schema}.audit_events (id, complaint_id, action, actor, at, from_status, to_status, reason, source_message_id) " +
                "VALUES (@id, @complaint, @action, @actor, @at, @from, @to, @reason, @source)",
                ("id", audit.Id), ("complaint", audit.ComplaintId.Value), ("action", audit.Action), ("actor", audit.Actor), ("at", Utc(audit.At)),
                ("from", (int?)audit.FromStatus), ("to", (int?)audit.ToStatus), ("reason", audit.Reason), ("source", audit.SourceMessageId)));
        }

        foreach (var m in commit.Outbound)
        {
            batch.BatchCommands.Add(BatchCommand(
                $"INSERT INTO {{schema}}.outbox ({OutboxColumns}) VALUES (@id, @key, @complaint, @channel, @kind, @recipient, @reply, @from, @text, @created, @status, @attempts, @sent, @error, @priority, @next)",
                ("id", m.Id), ("key", m.IdempotencyKey), ("complaint", m.ComplaintId.Value), ("channel", m.Channel), ("kind", (int)m.Kind),
                ("recipient", m.RecipientId), ("reply", m.InReplyToExternalId), ("from", m.FromAccount), ("text", m.Text), ("created", Utc(m.CreatedAt)),
                ("status", (int)m.Status), ("attempts", m.Attempts), ("sent", m.SentExternalId), ("error", m.LastError),
                ("priority", (int)m.Priority), ("next", Utc(m.NextAttemptAt))));
        }

        if (commit.Rejection is { } r)
        {
            batch.BatchCommands.Add(BatchCommand(
                "INSERT INTO {schema}.rejections (id, kind, channel, external_id, reasons, rejected_at, message, author_id) VALUES (@id, @kind, @channel, @external, @reasons, @at, @message, @author)",
                ("id", r.Id), ("kind", (int)r.Kind), ("channel", r.Channel), ("external", r.ExternalId),
                ("reasons", Json(JsonSerializer.Serialize([.. r.Reasons], PostgreSqlJson.Default.ListString))), ("at", Utc(r.RejectedAt)),
                ("message", r.Message is null ? null : Json(JsonSerializer.Serialize(r.Message, PostgreSqlJson.Default.InboundMessage))),
                ("author", AuthorOf(r))));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new IntakeCommitResult(true, null);
    }

    public Task<Complaint?> GetAsync(ComplaintId id, CancellationToken cancellationToken = default) =>
        SingleComplaintAsync("WHERE id = @p", id.Value, cancellationToken);

    public Task<Complaint?> FindByCodeAsync(ComplaintCode code, CancellationToken cancellationToken = default) =>
        SingleComplaintAsync("WHERE code = @p", code.Value ?? string.Empty, cancellationToken);

    public async Task<Complaint?> FindByConversationAsync(string channel, string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(conversationId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            $"SELECT {SelectColumns} FROM {{schema}}.complaints WHERE channel = @channel AND conversation_id = @conversation ORDER BY position LIMIT 1",
            ("channel", channel), ("conversation", conversationId));
        var list = await ReadComplaintsAsync(command, cancellationToken).ConfigureAwait(false);
        return list.Count > 0 ? list[0] : null;
    }

    public async Task<IReadOnlyList<Complaint>> ListAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Take);
        var (where, parameters) = Where(query);
        parameters.Add(("take", query.Take));
        parameters.Add(("skip", query.Skip));
        if (query.After is { } after)
        {
            where.Add("(created_at, id) > (@after_created, @after_id)");
            parameters.Add(("after_created", after.CreatedAt));
            parameters.Add(("after_id", after.Id.Value));
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            $"SELECT {SelectColumns} FROM {{schema}}.complaints {Join(where)} ORDER BY created_at, id LIMIT @take OFFSET @skip", [.. parameters]);
        return await ReadComplaintsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, parameters) = Where(query);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            $"SELECT district, status, COUNT(*)::int FROM {{schema}}.complaints {Join(where)} GROUP BY district, status ORDER BY district, status", [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new List<ComplaintCount>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(new ComplaintCount(reader.IsDBNull(0) ? null : new DistrictId(reader.GetString(0)), (ComplaintStatus)reader.GetInt32(1), reader.GetInt32(2)));
        }

        return counts;
    }

    /// <summary>Only the shape of the WHERE clause varies; every value is a parameter.</summary>
    private static (List<string> Where, List<(string, object?)> Parameters) Where(ComplaintQuery query)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        void Add(string clause, string name, object? value)
        {
            where.Add(clause);
            parameters.Add((name, value));
        }

        if (query.Department is { } department)
        {
            Add("department = @department", "department", department.Value);
        }

        if (query.Districts.Count > 0)
        {
            Add("district = ANY(@districts)", "districts", query.Districts.Select(d => d.Value).ToArray());
        }

        if (query.Statuses.Count > 0)
        {
            Add("status = ANY(@statuses)", "statuses", query.Statuses.Select(s => (int)s).ToArray());
        }

        if (query.Categories.Count > 0)
        {
            Add("category = ANY(@categories)", "categories", query.Categories.Select(c => c.Value).ToArray());
        }

        if (query.CreatedFrom is { } from)
        {
            Add("created_at >= @created_from", "created_from", from);
        }

        if (query.CreatedBefore is { } before)
        {
            Add("created_at < @created_before", "created_before", before);
        }

        if (query.OverdueAt is { } at)
        {
            Add("due_at < @overdue_at", "overdue_at", at);
            Add("status = ANY(@open_statuses)", "open_statuses", ComplaintQuery.OpenStatuses.Select(s => (int)s).ToArray());
        }

        if (query.Code is { } code)
        {
            Add("code = @code", "code", code.Value);
        }

        if (query.Channel is { } channel)
        {
            Add("channel = @channel", "channel", channel);
        }

        if (query.SourceMessageId is { } source)
        {
            Add("source_message_id = @source_message_id", "source_message_id", source);
        }

        return (where, parameters);
    }

    private static string Join(List<string> where) => where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty;

    public async Task<IReadOnlyList<AuditEvent>> GetAuditTrailAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "SELECT id, complaint_id, action, actor, at, from_status, to_status, reason, source_message_id FROM {schema}.audit_events WHERE complaint_id = @id ORDER BY position",
            ("id", id.Value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<AuditEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new AuditEvent
            {
                Id = reader.GetGuid(0),
                ComplaintId = new ComplaintId(reader.GetGuid(1)),
                Action = reader.GetString(2),
                Actor = reader.GetString(3),
                At = Time(reader, 4),
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
        await using var command = Command(connection,
            "SELECT id, kind, channel, external_id, reasons, rejected_at, message FROM {schema}.rejections ORDER BY position LIMIT @take OFFSET @skip",
            ("take", take), ("skip", skip));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rejections = new List<Rejection>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rejections.Add(new Rejection
            {
                Id = reader.GetGuid(0),
                Kind = (RejectionKind)reader.GetInt32(1),
                Channel = NullableString(reader, 2),
                ExternalId = NullableString(reader, 3),
                Reasons = JsonSerializer.Deserialize(reader.GetString(4), PostgreSqlJson.Default.ListString) ?? [],
                RejectedAt = Time(reader, 5),
                Message = reader.IsDBNull(6) ? null : JsonSerializer.Deserialize(reader.GetString(6), PostgreSqlJson.Default.InboundMessage),
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
        await using var command = Command(connection, ClaimSql, ("now", Utc(now)), ("until", Utc(now + lease)), ("max", max));
        var claimed = await ReadOutboxAsync(command, cancellationToken).ConfigureAwait(false);
        return [.. claimed.OrderByDescending(m => m.Priority)]; // stable: oldest first within a priority
    }

    public async Task<IReadOnlyList<OutboundMessage>> GetPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            $"SELECT position, {OutboxColumns} FROM {{schema}}.outbox WHERE status = 0 ORDER BY position LIMIT @max", ("max", max));
        return await ReadOutboxAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task RetryLaterAsync(Guid id, string error, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "UPDATE {schema}.outbox SET status = 0, attempts = attempts + 1, last_error = @error, lease_until = NULL, next_attempt_at = @next WHERE id = @id AND status = 0",
            ("error", error), ("next", Utc(notBefore)), ("id", id));
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
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
        await using var command = Command(connection, "UPDATE {schema}.outbox SET lease_until = NULL WHERE id = ANY(@ids) AND status = 0", ("ids", ids.ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OutboundMessage>> GetFailedAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            $"SELECT position, {OutboxColumns} FROM {{schema}}.outbox WHERE status = 2 ORDER BY position DESC LIMIT @max", ("max", max));
        var failed = await ReadOutboxAsync(command, cancellationToken).ConfigureAwait(false);
        failed.Reverse();
        return failed;
    }

    public async Task<int> CountFailedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT count(*) FROM {schema}.outbox WHERE status = 2");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<OutboundMessage>> ListForComplaintAsync(ComplaintId complaintId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            $"SELECT position, {OutboxColumns} FROM {{schema}}.outbox WHERE complaint_id = @id ORDER BY position", ("id", complaintId.Value));
        return await ReadOutboxAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task MarkSentAsync(Guid id, string sentExternalId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sentExternalId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "UPDATE {schema}.outbox SET status = 1, sent_external_id = @sent, attempts = attempts + 1, last_error = NULL, lease_until = NULL, next_attempt_at = NULL WHERE id = @id",
            ("sent", sentExternalId), ("id", id));
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new KeyNotFoundException($"No outbox message has id {id}.");
        }
    }

    public async Task MarkFailedAsync(Guid id, string error, bool permanent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "UPDATE {schema}.outbox SET status = @status, attempts = attempts + 1, last_error = @error, lease_until = NULL WHERE id = @id AND status = 0",
            ("status", permanent ? (int)OutboundMessageStatus.Failed : (int)OutboundMessageStatus.Pending), ("error", error), ("id", id));
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            await ThrowIfNoOutboxMessageAsync(connection, id, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<string?> GetAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT checkpoint FROM {schema}.checkpoints WHERE source = @source", ("source", source));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task SetAsync(string source, string checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpoint);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "INSERT INTO {schema}.checkpoints (source, checkpoint, updated_at) VALUES (@source, @checkpoint, @at) " +
            "ON CONFLICT (source) DO UPDATE SET checkpoint = excluded.checkpoint, updated_at = excluded.updated_at",
            ("source", source), ("checkpoint", checkpoint), ("at", Utc(_time.GetUtcNow())));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<long> ReserveAsync(SequenceScope scope, int count, CancellationToken cancellationToken = default) =>
        ReserveAsync(scope.ToString(), count, cancellationToken);

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive values of a named sequence and returns the first. The upsert takes
    /// the sequence's row lock, so concurrent reservations (from any process) get disjoint ranges; values start at 1.
    /// </summary>
    internal async ValueTask<long> ReserveAsync(string scope, int count, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "INSERT INTO {schema}.sequences AS s (scope, next_value) VALUES (@scope, @count) " +
            "ON CONFLICT (scope) DO UPDATE SET next_value = s.next_value + @count RETURNING s.next_value - @count",
            ("scope", scope), ("count", (long)count));
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _migrator.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<Complaint?> SingleComplaintAsync(string where, object value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"SELECT {SelectColumns} FROM {{schema}}.complaints {where}", ("p", value));
        var list = await ReadComplaintsAsync(command, cancellationToken).ConfigureAwait(false);
        return list.Count > 0 ? list[0] : null;
    }

    private async Task<ProcessedMessage?> FindProcessedAsync(NpgsqlConnection connection, string channel, string externalId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection,
            "SELECT outcome, complaint_id, rejection_id, processed_at FROM {schema}.processed_messages WHERE channel = @channel AND external_id = @external",
            ("channel", channel), ("external", externalId));
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
            ComplaintId = reader.IsDBNull(1) ? null : new ComplaintId(reader.GetGuid(1)),
            RejectionId = reader.IsDBNull(2) ? null : reader.GetGuid(2),
            ProcessedAt = Time(reader, 3),
        };
    }

    private static async Task<List<Complaint>> ReadComplaintsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var complaints = new List<Complaint>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            complaints.Add(WithLifecycle(reader, new Complaint
            {
                Id = new ComplaintId(reader.GetGuid(0)),
                Code = ComplaintCode.Parse(reader.GetString(1)),
                Channel = reader.GetString(2),
                SourceMessageId = reader.GetString(3),
                ConversationId = NullableString(reader, 4),
                AddressedAccount = NullableString(reader, 5),
                Complainant = new Complainant { PlatformId = reader.GetString(6), Handle = NullableString(reader, 7), DisplayName = NullableString(reader, 8) },
                Text = reader.GetString(9),
                Language = NullableString(reader, 10),
                Attachments = JsonSerializer.Deserialize(reader.GetString(11), PostgreSqlJson.Default.ListAttachment) ?? [],
                Department = new DepartmentId(reader.GetString(12)),
                District = reader.IsDBNull(13) ? null : new DistrictId(reader.GetString(13)),
                Category = new CategoryId(reader.GetString(14)),
                Routing = reader.IsDBNull(15) ? null : JsonSerializer.Deserialize(reader.GetString(15), PostgreSqlJson.Default.RoutingDecision),
                Status = (ComplaintStatus)reader.GetInt32(16),
                CreatedAt = Time(reader, 17),
                UpdatedAt = Time(reader, 18),
                DueAt = reader.IsDBNull(19) ? null : Time(reader, 19),
            }));
        }

        return complaints;
    }

    private static async Task<List<OutboundMessage>> ReadOutboxAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(long Position, OutboundMessage Message)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((reader.GetInt64(0), new OutboundMessage
            {
                Id = reader.GetGuid(1),
                IdempotencyKey = reader.GetString(2),
                ComplaintId = new ComplaintId(reader.GetGuid(3)),
                Channel = reader.GetString(4),
                Kind = (OutboundMessageKind)reader.GetInt32(5),
                RecipientId = reader.GetString(6),
                InReplyToExternalId = NullableString(reader, 7),
                FromAccount = NullableString(reader, 8),
                Text = reader.GetString(9),
                CreatedAt = Time(reader, 10),
                Status = (OutboundMessageStatus)reader.GetInt32(11),
                Attempts = reader.GetInt32(12),
                SentExternalId = NullableString(reader, 13),
                LastError = NullableString(reader, 14),
                Priority = (OutboundMessagePriority)reader.GetInt32(15),
                NextAttemptAt = reader.IsDBNull(16) ? null : Time(reader, 16),
            }));
        }

        // UPDATE ... RETURNING gives no order guarantee: restore the outbox order.
        return [.. rows.OrderBy(r => r.Position).Select(r => r.Message)];
    }

    /// <summary>
    /// After an update of a pending message changed nothing: a missing message is the caller's error; a settled one means a
    /// claimer whose lease expired reported late, and the settled state (sent, or failed for good) is kept.
    /// </summary>
    private async Task ThrowIfNoOutboxMessageAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT count(*) FROM {schema}.outbox WHERE id = @id", ("id", id));
        if ((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 0)
        {
            throw new KeyNotFoundException($"No outbox message has id {id}.");
        }
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
#pragma warning disable CA2100 // SQL text is built from constants and the validated schema name only; every value is a parameter.
        var command = new NpgsqlCommand(_database.Sql(sql), connection);
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(Parameter(name, value));
        }

        return command;
    }

    private NpgsqlBatchCommand BatchCommand(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(_database.Sql(sql));
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(Parameter(name, value));
        }

        return command;
    }

    private static NpgsqlParameter Parameter(string name, object? value) => value switch
    {
        JsonText json => new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json.Text },
        null => new NpgsqlParameter(name, DBNull.Value),
        _ => new NpgsqlParameter(name, value),
    };

    private static JsonText Json(string text) => new(text);

    private static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    private static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();

    private static DateTimeOffset Time(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Marks a parameter value as jsonb.</summary>
    private sealed record JsonText(string Text);
}
