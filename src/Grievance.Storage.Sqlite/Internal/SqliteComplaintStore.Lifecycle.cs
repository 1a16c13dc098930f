using Grievance.Complaints;
using Grievance.Notifications;
using Microsoft.Data.Sqlite;

namespace Grievance.Storage.Sqlite.Internal;

/// <summary>The lifecycle side of the SQLite store: version-checked updates, time-limit scans and erasure.</summary>
internal sealed partial class SqliteComplaintStore : IComplaintLifecycleStore
{
    private const string LifecycleColumns =
        "version, assigned_unit, assigned_officer, transfer_count, escalation_level, sla_started_at, sla_notices, next_sla_check_at, " +
        "resolved_at, closed_at, satisfied, rating, erased_at";

    private const string SelectColumns = ComplaintColumns + ", " + LifecycleColumns;

    /// <summary>The ordinal of the first lifecycle column in <see cref="SelectColumns"/>.</summary>
    private const int LifecycleOrdinal = 20;

    private const string Erased = "erased";

    private static readonly string OpenOrResolved = string.Join(", ", ComplaintQuery.OpenStatuses.Append(ComplaintStatus.Resolved).Select(s => (int)s));

    public async Task CommitLifecycleAsync(LifecycleCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var c = commit.Complaint;
        if (c.Version != commit.ExpectedVersion + 1)
        {
            throw new ArgumentException($"The new state of complaint {c.Id} must have version {commit.ExpectedVersion + 1}, not {c.Version}.", nameof(commit));
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var changed = await ExecuteAsync(connection, transaction,
            "UPDATE complaints SET department = $department, district = $district, category = $category, status = $status, updated_at = $updated, due_at = $due, " +
            "version = $version, assigned_unit = $unit, assigned_officer = $officer, transfer_count = $transfers, escalation_level = $level, " +
            "sla_started_at = $sla_started, sla_notices = $notices, next_sla_check_at = $next, resolved_at = $resolved, closed_at = $closed, " +
            "satisfied = $satisfied, rating = $rating, erased_at = $erased WHERE id = $id AND version = $expected",
            cancellationToken,
            ("$department", c.Department.Value), ("$district", c.District?.Value), ("$category", c.Category.Value), ("$status", (int)c.Status),
            ("$updated", c.UpdatedAt.UtcTicks), ("$due", c.DueAt?.UtcTicks), ("$version", c.Version), ("$unit", c.AssignedUnit), ("$officer", c.AssignedOfficer),
            ("$transfers", c.TransferCount), ("$level", c.EscalationLevel), ("$sla_started", c.SlaStartedAt?.UtcTicks), ("$notices", (int)c.SlaNotices),
            ("$next", c.NextSlaCheckAt?.UtcTicks), ("$resolved", c.ResolvedAt?.UtcTicks), ("$closed", c.ClosedAt?.UtcTicks), ("$satisfied", c.Satisfied),
            ("$rating", c.Rating), ("$erased", c.ErasedAt?.UtcTicks), ("$id", c.Id.ToString()), ("$expected", commit.ExpectedVersion)).ConfigureAwait(false);
        if (changed == 0)
        {
            throw ComplaintConcurrencyException.For(c.Id, commit.ExpectedVersion);
        }

        await InsertAuditAndOutboxAsync(connection, transaction, c.Id, commit.AuditEvents, commit.Outbound, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertAuditAndOutboxAsync(SqliteConnection connection, SqliteTransaction transaction, ComplaintId id, IReadOnlyList<AuditEvent> audits, IReadOnlyList<OutboundMessage> outbound, CancellationToken cancellationToken)
    {
        foreach (var audit in audits)
        {
            if (audit.ComplaintId != id)
            {
                throw new InvalidOperationException("Every audit event of a lifecycle commit must belong to its complaint.");
            }

            await ExecuteAsync(connection, transaction,
                "INSERT INTO audit_events (id, complaint_id, action, actor, at, from_status, to_status, reason, source_message_id) " +
                "VALUES ($id, $complaint, $action, $actor, $at, $from, $to, $reason, $source)",
                cancellationToken,
                ("$id", audit.Id.ToString()), ("$complaint", audit.ComplaintId.ToString()), ("$action", audit.Action), ("$actor", audit.Actor),
                ("$at", audit.At.UtcTicks), ("$from", (int?)audit.FromStatus), ("$to", (int?)audit.ToStatus), ("$reason", audit.Reason), ("$source", audit.SourceMessageId)).ConfigureAwait(false);
        }

        foreach (var m in outbound)
        {
            await ExecuteAsync(connection, transaction,
                $"INSERT INTO outbox ({OutboxColumns}) VALUES ($id, $key, $complaint, $channel, $kind, $recipient, $reply, $from, $text, $created, $status, $attempts, $sent, $error, $priority, $next)",
                cancellationToken,
                ("$id", m.Id.ToString()), ("$key", m.IdempotencyKey), ("$complaint", m.ComplaintId.ToString()), ("$channel", m.Channel), ("$kind", (int)m.Kind),
                ("$recipient", m.RecipientId), ("$reply", m.InReplyToExternalId), ("$from", m.FromAccount), ("$text", m.Text), ("$created", m.CreatedAt.UtcTicks),
                ("$status", (int)m.Status), ("$attempts", m.Attempts), ("$sent", m.SentExternalId), ("$error", m.LastError),
                ("$priority", (int)m.Priority), ("$next", m.NextAttemptAt?.UtcTicks)).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<Complaint>> ListSlaDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await QueryComplaintsAsync(connection,
            $"SELECT {SelectColumns} FROM complaints WHERE status IN ({OpenOrResolved}) AND (next_sla_check_at IS NULL OR next_sla_check_at <= $now) " +
            "ORDER BY next_sla_check_at IS NOT NULL, next_sla_check_at, position LIMIT $max",
            cancellationToken, ("$now", now.UtcTicks), ("$max", max)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Complaint>> ListByComplainantAsync(string channel, string platformId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(platformId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await QueryComplaintsAsync(connection,
            $"SELECT {SelectColumns} FROM complaints WHERE channel = $channel AND complainant_id = $cid AND erased_at IS NULL ORDER BY position",
            cancellationToken, ("$channel", channel), ("$cid", platformId)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Complaint>> ListForRetentionAsync(DateTimeOffset closedBefore, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await QueryComplaintsAsync(connection,
            $"SELECT {SelectColumns} FROM complaints WHERE erased_at IS NULL AND closed_at IS NOT NULL AND closed_at < $before AND status IN ({(int)ComplaintStatus.Closed}, {(int)ComplaintStatus.Rejected}) ORDER BY closed_at LIMIT $max",
            cancellationToken, ("$before", closedBefore.UtcTicks), ("$max", max)).ConfigureAwait(false);
    }

    public async Task EraseAsync(Complaint erased, int expectedVersion, AuditEvent audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(erased);
        ArgumentNullException.ThrowIfNull(audit);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var read = Command(connection, transaction, "SELECT complainant_id FROM complaints WHERE id = $id AND version = $expected", ("$id", erased.Id.ToString()), ("$expected", expectedVersion)))
        {
            if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string citizen)
            {
                throw ComplaintConcurrencyException.For(erased.Id, expectedVersion);
            }

            await ExecuteAsync(connection, transaction,
                "UPDATE audit_events SET actor = $erased, reason = NULL WHERE complaint_id = $id AND actor = $citizen",
                cancellationToken, ("$erased", Erased), ("$id", erased.Id.ToString()), ("$citizen", citizen)).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction,
            "UPDATE complaints SET complainant_id = $erased, complainant_handle = NULL, complainant_name = NULL, text = $erased, attachments = '[]', routing = NULL, " +
            "conversation_id = NULL, version = $version, updated_at = $updated, erased_at = $at WHERE id = $id",
            cancellationToken, ("$erased", Erased), ("$version", erased.Version), ("$updated", erased.UpdatedAt.UtcTicks), ("$at", (erased.ErasedAt ?? erased.UpdatedAt).UtcTicks),
            ("$id", erased.Id.ToString())).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction,
            "UPDATE outbox SET recipient_id = $erased, text = $erased, last_error = CASE WHEN status = 0 THEN 'Personal data erased before sending.' ELSE last_error END, " +
            "status = CASE WHEN status = 0 THEN 2 ELSE status END, lease_until = NULL WHERE complaint_id = $id",
            cancellationToken, ("$erased", Erased), ("$id", erased.Id.ToString())).ConfigureAwait(false);
        await InsertAuditAndOutboxAsync(connection, transaction, erased.Id, [audit], [], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Complaint WithLifecycle(SqliteDataReader reader, Complaint complaint)
    {
        const int o = LifecycleOrdinal;
        if (reader.FieldCount <= o)
        {
            return complaint;
        }

        DateTimeOffset? At(int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader.GetInt64(ordinal));
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
