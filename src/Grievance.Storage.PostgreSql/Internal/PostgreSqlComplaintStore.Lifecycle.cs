using Grievance.Complaints;
using Grievance.Notifications;
using Npgsql;

namespace Grievance.Storage.PostgreSql.Internal;

/// <summary>The lifecycle side of the PostgreSQL store: version-checked updates, time-limit scans and erasure.</summary>
internal sealed partial class PostgreSqlComplaintStore : IComplaintLifecycleStore
{
    private const string LifecycleColumns =
        "version, assigned_unit, assigned_officer, transfer_count, escalation_level, sla_started_at, sla_notices, next_sla_check_at, " +
        "resolved_at, closed_at, satisfied, rating, erased_at";

    private const string SelectColumns = ComplaintColumns + ", " + LifecycleColumns;

    /// <summary>The ordinal of the first lifecycle column in <see cref="SelectColumns"/>.</summary>
    private const int LifecycleOrdinal = 20;

    private const string Erased = "erased";

    private static readonly int[] s_openOrResolved = [.. ComplaintQuery.OpenStatuses.Append(ComplaintStatus.Resolved).Select(s => (int)s)];

    public async Task CommitLifecycleAsync(LifecycleCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var c = commit.Complaint;
        if (c.Version != commit.ExpectedVersion + 1)
        {
            throw new ArgumentException($"The new state of complaint {c.Id} must have version {commit.ExpectedVersion + 1}, not {c.Version}.", nameof(commit));
        }

        if (commit.AuditEvents.Any(a => a.ComplaintId != c.Id))
        {
            throw new InvalidOperationException("Every audit event of a lifecycle commit must belong to its complaint.");
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var update = Command(connection,
            "UPDATE {schema}.complaints SET department = @department, district = @district, category = @category, status = @status, updated_at = @updated, due_at = @due, " +
            "version = @version, assigned_unit = @unit, assigned_officer = @officer, transfer_count = @transfers, escalation_level = @level, " +
            "sla_started_at = @sla_started, sla_notices = @notices, next_sla_check_at = @next, resolved_at = @resolved, closed_at = @closed, " +
            "satisfied = @satisfied, rating = @rating, erased_at = @erased WHERE id = @id AND version = @expected",
            ("department", c.Department.Value), ("district", c.District?.Value), ("category", c.Category.Value), ("status", (int)c.Status),
            ("updated", Utc(c.UpdatedAt)), ("due", Utc(c.DueAt)), ("version", c.Version), ("unit", c.AssignedUnit), ("officer", c.AssignedOfficer),
            ("transfers", c.TransferCount), ("level", c.EscalationLevel), ("sla_started", Utc(c.SlaStartedAt)), ("notices", (int)c.SlaNotices),
            ("next", Utc(c.NextSlaCheckAt)), ("resolved", Utc(c.ResolvedAt)), ("closed", Utc(c.ClosedAt)), ("satisfied", c.Satisfied),
            ("rating", c.Rating), ("erased", Utc(c.ErasedAt)), ("id", c.Id.Value), ("expected", commit.ExpectedVersion)))
        {
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw ComplaintConcurrencyException.For(c.Id, commit.ExpectedVersion);
            }
        }

        await InsertAuditAndOutboxAsync(connection, transaction, commit.AuditEvents, commit.Outbound, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task InsertAuditAndOutboxAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<AuditEvent> audits, IReadOnlyList<OutboundMessage> outbound, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var audit in audits)
        {
            batch.BatchCommands.Add(BatchCommand(
                "INSERT INTO {schema}.audit_events (id, complaint_id, action, actor, at, from_status, to_status, reason, source_message_id) " +
                "VALUES (@id, @complaint, @action, @actor, @at, @from, @to, @reason, @source)",
                ("id", audit.Id), ("complaint", audit.ComplaintId.Value), ("action", audit.Action), ("actor", audit.Actor), ("at", Utc(audit.At)),
                ("from", (int?)audit.FromStatus), ("to", (int?)audit.ToStatus), ("reason", audit.Reason), ("source", audit.SourceMessageId)));
        }

        foreach (var m in outbound)
        {
            batch.BatchCommands.Add(BatchCommand(
                $"INSERT INTO {{schema}}.outbox ({OutboxColumns}) VALUES (@id, @key, @complaint, @channel, @kind, @recipient, @reply, @from, @text, @created, @status, @attempts, @sent, @error, @priority, @next)",
                ("id", m.Id), ("key", m.IdempotencyKey), ("complaint", m.ComplaintId.Value), ("channel", m.Channel), ("kind", (int)m.Kind),
                ("recipient", m.RecipientId), ("reply", m.InReplyToExternalId), ("from", m.FromAccount), ("text", m.Text), ("created", Utc(m.CreatedAt)),
                ("status", (int)m.Status), ("attempts", m.Attempts), ("sent", m.SentExternalId), ("error", m.LastError),
                ("priority", (int)m.Priority), ("next", Utc(m.NextAttemptAt))));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<Complaint>> ListSlaDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            $"SELECT {SelectColumns} FROM {{schema}}.complaints WHERE status = ANY(@statuses) AND (next_sla_check_at IS NULL OR next_sla_check_at <= @now) " +
            "ORDER BY next_sla_check_at NULLS FIRST, position LIMIT @max",
            ("statuses", s_openOrResolved), ("now", Utc(now)), ("max", max));
        return await ReadComplaintsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Complaint>> ListByComplainantAsync(string channel, string platformId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(platformId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            $"SELECT {SelectColumns} FROM {{schema}}.complaints WHERE channel = @channel AND complainant_id = @cid AND erased_at IS NULL ORDER BY position",
            ("channel", channel), ("cid", platformId));
        return await ReadComplaintsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Complaint>> ListForRetentionAsync(DateTimeOffset closedBefore, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            $"SELECT {SelectColumns} FROM {{schema}}.complaints WHERE erased_at IS NULL AND closed_at IS NOT NULL AND closed_at < @before AND status = ANY(@statuses) ORDER BY closed_at LIMIT @max",
            ("before", Utc(closedBefore)), ("statuses", new[] { (int)ComplaintStatus.Closed, (int)ComplaintStatus.Rejected }), ("max", max));
        return await ReadComplaintsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task EraseAsync(Complaint erased, int expectedVersion, AuditEvent audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(erased);
        ArgumentNullException.ThrowIfNull(audit);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        string citizen;
        await using (var read = Command(connection, "SELECT complainant_id FROM {schema}.complaints WHERE id = @id AND version = @expected FOR UPDATE",
            ("id", erased.Id.Value), ("expected", expectedVersion)))
        {
            citizen = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string ?? throw ComplaintConcurrencyException.For(erased.Id, expectedVersion);
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(BatchCommand(
            "UPDATE {schema}.audit_events SET actor = @erased, reason = NULL WHERE complaint_id = @id AND actor = @citizen",
            ("erased", Erased), ("id", erased.Id.Value), ("citizen", citizen)));
        batch.BatchCommands.Add(BatchCommand(
            "UPDATE {schema}.complaints SET complainant_id = @erased, complainant_handle = NULL, complainant_name = NULL, text = @erased, attachments = '[]'::jsonb, " +
            "routing = NULL, conversation_id = NULL, version = @version, updated_at = @updated, erased_at = @at WHERE id = @id",
            ("erased", Erased), ("version", erased.Version), ("updated", Utc(erased.UpdatedAt)), ("at", Utc(erased.ErasedAt ?? erased.UpdatedAt)), ("id", erased.Id.Value)));
        batch.BatchCommands.Add(BatchCommand(
            "UPDATE {schema}.outbox SET recipient_id = @erased, text = @erased, last_error = CASE WHEN status = 0 THEN 'Personal data erased before sending.' ELSE last_error END, " +
            "status = CASE WHEN status = 0 THEN 2 ELSE status END, lease_until = NULL WHERE complaint_id = @id",
            ("erased", Erased), ("id", erased.Id.Value)));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await InsertAuditAndOutboxAsync(connection, transaction, [audit], [], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Complaint WithLifecycle(NpgsqlDataReader reader, Complaint complaint)
    {
        const int o = LifecycleOrdinal;
        if (reader.FieldCount <= o)
        {
            return complaint;
        }

        DateTimeOffset? At(int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader, ordinal);
        return complaint with
        {
            Version = reader.GetInt32(o),
            AssignedUnit = NullableString(reader, o + 1),
            AssignedOfficer = NullableString(reader, o + 2),
            TransferCount = reader.GetInt32(o + 3),
            EscalationLevel = reader.GetInt32(o + 4),
            SlaStartedAt = At(o + 5),
            SlaNotices = (SlaNotices)reader.GetInt32(o + 6),
            NextSlaCheckAt = At(o + 7),
            ResolvedAt = At(o + 8),
            ClosedAt = At(o + 9),
            Satisfied = reader.IsDBNull(o + 10) ? null : reader.GetBoolean(o + 10),
            Rating = reader.IsDBNull(o + 11) ? null : reader.GetInt32(o + 11),
            ErasedAt = At(o + 12),
        };
    }
}
