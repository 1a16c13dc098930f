using System.Text.Json;
using Grievance.Complaints;
using Npgsql;
using NpgsqlTypes;

namespace Grievance.Storage.PostgreSql.Internal;

/// <summary>
/// Group commit: a whole group of intake commits in one transaction and three round trips whatever its size (four
/// when some of its messages were already recorded):
/// 1. BEGIN and the processed-message gate as one multi-row <c>INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING
///    RETURNING</c>, in key order, so workers whose groups overlap take the keys' locks in the same order;
/// 2. only when some keys were already taken: their earlier records;
/// 3. one <see cref="NpgsqlBatch"/> with one multi-row insert per table (complaints, audit events, outbox, rejections),
///    each statement's text fixed whatever the group's size;
/// 4. COMMIT.
/// A deadlock or serialization failure (the server rolled the group back) is retried a few times.
/// </summary>
internal sealed partial class PostgreSqlComplaintStore
{
    private const int MaxGroupAttempts = 3;

    private const string GateSql =
        "INSERT INTO {schema}.processed_messages (channel, external_id, outcome, complaint_id, rejection_id, processed_at) " +
        "SELECT * FROM unnest(@channel, @external_id, @outcome, @complaint_id, @rejection_id, @at) ON CONFLICT (channel, external_id) DO NOTHING " +
        "RETURNING channel, external_id";

    private const string ExistingSql =
        "SELECT p.channel, p.external_id, p.outcome, p.complaint_id, p.rejection_id, p.processed_at FROM {schema}.processed_messages AS p " +
        "JOIN unnest(@channel, @external_id) AS k (channel, external_id) ON p.channel = k.channel AND p.external_id = k.external_id";

    private const string ComplaintsSql =
        $"INSERT INTO {{schema}}.complaints ({ComplaintColumns}) SELECT * FROM unnest(@id, @code, @channel, @source, @conversation, @addressed, @cid, @chandle, @cname, " +
        "@text, @language, @attachments, @department, @district, @category, @routing, @status, @created, @updated, @due)";

    private const string AuditSql =
        "INSERT INTO {schema}.audit_events (id, complaint_id, action, actor, at, from_status, to_status, reason, source_message_id) " +
        "SELECT * FROM unnest(@id, @complaint, @action, @actor, @at, @from, @to, @reason, @source)";

    private const string OutboxSql =
        $"INSERT INTO {{schema}}.outbox ({OutboxColumns}) SELECT * FROM unnest(@id, @key, @complaint, @channel, @kind, @recipient, @reply, @from, @text, @created, @status, @attempts, @sent, @error, @priority, @next)";

    private const string RejectionsSql =
        "INSERT INTO {schema}.rejections (id, kind, channel, external_id, reasons, rejected_at, message, author_id) SELECT * FROM unnest(@id, @kind, @channel, @external, @reasons, @at, @message, @author)";

    public async Task<IReadOnlyList<ProcessedMessage>> FindProcessedBatchAsync(string channel, IReadOnlyList<string> externalIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalIds);
        if (externalIds.Count == 0)
        {
            return [];
        }

        var keys = externalIds.Distinct(StringComparer.Ordinal).Select(id => new ProcessedMessage { Channel = channel, ExternalId = id, Outcome = default, ProcessedAt = default }).ToList();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return [.. (await ExistingAsync(connection, keys, cancellationToken).ConfigureAwait(false)).Values];
    }

    public async Task<IReadOnlyList<IntakeCommitResult>> CommitIntakeBatchAsync(IReadOnlyList<IntakeCommit> commits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commits);
        for (var i = 0; i < commits.Count; i++)
        {
            if (commits[i] is null)
            {
                throw new ArgumentException($"The commit at index {i} is null.", nameof(commits));
            }
        }

        if (commits.Count == 0)
        {
            return [];
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CommitGroupAsync(commits, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (attempt < MaxGroupAttempts && ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                Log.GroupCommitRetried(_logger, ex.SqlState, commits.Count, attempt);
            }
        }
    }

    private async Task<IReadOnlyList<IntakeCommitResult>> CommitGroupAsync(IReadOnlyList<IntakeCommit> commits, CancellationToken cancellationToken)
    {
        // The first item with a key gates it; a later item with the same key is a redelivery within the group.
        var firstOfKey = new Dictionary<(string Channel, string ExternalId), int>();
        var gated = new List<int>(commits.Count);
        for (var i = 0; i < commits.Count; i++)
        {
            if (commits[i].Message is { } message && firstOfKey.TryAdd((message.Channel, message.ExternalId), i))
            {
                gated.Add(i);
            }
        }

        gated.Sort((a, b) =>
        {
            var x = commits[a].Message!;
            var y = commits[b].Message!;
            var byChannel = string.CompareOrdinal(x.Channel, y.Channel);
            return byChannel != 0 ? byChannel : string.CompareOrdinal(x.ExternalId, y.ExternalId);
        });

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var taken = await GateAsync(connection, commits, gated, cancellationToken).ConfigureAwait(false);
        var existing = taken.Count < gated.Count
            ? await ExistingAsync(connection, [.. gated.Select(i => commits[i].Message!).Where(m => !taken.Contains((m.Channel, m.ExternalId)))], cancellationToken).ConfigureAwait(false)
            : [];

        var results = new IntakeCommitResult[commits.Count];
        var writes = new List<IntakeCommit>(commits.Count);
        for (var i = 0; i < commits.Count; i++)
        {
            var commit = commits[i];
            if (commit.Message is not { } message)
            {
                writes.Add(commit);
                results[i] = new IntakeCommitResult(true, null);
                continue;
            }

            var key = (message.Channel, message.ExternalId);
            var first = firstOfKey[key];
            if (first == i && taken.Contains(key))
            {
                writes.Add(commit);
                results[i] = new IntakeCommitResult(true, null);
            }
            else if (taken.Contains(key))
            {
                results[i] = new IntakeCommitResult(false, commits[first].Message);
            }
            else
            {
                results[i] = new IntakeCommitResult(false, existing.GetValueOrDefault(key)
                    ?? throw new InvalidOperationException($"The message {message.ExternalId} on {message.Channel} was neither recorded nor found."));
            }
        }

        await using (var batch = RowsBatch(connection, transaction, writes))
        {
            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>Inserts the processed-message records in key order and returns the keys this transaction took.</summary>
    private async Task<HashSet<(string Channel, string ExternalId)>> GateAsync(NpgsqlConnection connection, IReadOnlyList<IntakeCommit> commits, List<int> gated, CancellationToken cancellationToken)
    {
        var taken = new HashSet<(string Channel, string ExternalId)>(gated.Count);
        if (gated.Count == 0)
        {
            return taken;
        }

        var messages = gated.ConvertAll(i => commits[i].Message!);
        await using var command = new NpgsqlCommand(_database.Sql(GateSql), connection);
        command.Parameters.Add(Array("channel", NpgsqlDbType.Text, messages, m => m.Channel));
        command.Parameters.Add(Array("external_id", NpgsqlDbType.Text, messages, m => m.ExternalId));
        command.Parameters.Add(Array("outcome", NpgsqlDbType.Integer, messages, m => (int)m.Outcome));
        command.Parameters.Add(Array("complaint_id", NpgsqlDbType.Uuid, messages, m => m.ComplaintId?.Value));
        command.Parameters.Add(Array("rejection_id", NpgsqlDbType.Uuid, messages, m => m.RejectionId));
        command.Parameters.Add(Array("at", NpgsqlDbType.TimestampTz, messages, m => Utc(m.ProcessedAt)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            taken.Add((reader.GetString(0), reader.GetString(1)));
        }

        return taken;
    }

    /// <summary>Reads the records of messages another transaction (or an earlier one) had already recorded.</summary>
    private async Task<Dictionary<(string Channel, string ExternalId), ProcessedMessage>> ExistingAsync(NpgsqlConnection connection, List<ProcessedMessage> keys, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_database.Sql(ExistingSql), connection);
        command.Parameters.Add(Array("channel", NpgsqlDbType.Text, keys, m => m.Channel));
        command.Parameters.Add(Array("external_id", NpgsqlDbType.Text, keys, m => m.ExternalId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<(string Channel, string ExternalId), ProcessedMessage>(keys.Count);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var record = new ProcessedMessage
            {
                Channel = reader.GetString(0),
                ExternalId = reader.GetString(1),
                Outcome = (MessageOutcome)reader.GetInt32(2),
                ComplaintId = reader.IsDBNull(3) ? null : new ComplaintId(reader.GetGuid(3)),
                RejectionId = reader.IsDBNull(4) ? null : reader.GetGuid(4),
                ProcessedAt = Time(reader, 5),
            };
            found[(record.Channel, record.ExternalId)] = record;
        }

        return found;
    }

    /// <summary>One multi-row insert per table, in the order complaints, audit events, outbox, rejections (foreign keys point backwards).</summary>
    private NpgsqlBatch RowsBatch(NpgsqlConnection connection, NpgsqlTransaction transaction, List<IntakeCommit> writes)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        var complaints = writes.Where(w => w.NewComplaint is not null).Select(w => w.NewComplaint!).ToList();
        if (complaints.Count > 0)
        {
            var command = new NpgsqlBatchCommand(_database.Sql(ComplaintsSql));
            var p = command.Parameters;
            p.Add(Array("id", NpgsqlDbType.Uuid, complaints, c => c.Id.Value));
            p.Add(Array("code", NpgsqlDbType.Text, complaints, c => c.Code.Value));
            p.Add(Array("channel", NpgsqlDbType.Text, complaints, c => c.Channel));
            p.Add(Array("source", NpgsqlDbType.Text, complaints, c => c.SourceMessageId));
            p.Add(Array("conversation", NpgsqlDbType.Text, complaints, c => c.ConversationId));
            p.Add(Array("addressed", NpgsqlDbType.Text, complaints, c => c.AddressedAccount));
            p.Add(Array("cid", NpgsqlDbType.Text, complaints, c => c.Complainant.PlatformId));
            p.Add(Array("chandle", NpgsqlDbType.Text, complaints, c => c.Complainant.Handle));
            p.Add(Array("cname", NpgsqlDbType.Text, complaints, c => c.Complainant.DisplayName));
            p.Add(Array("text", NpgsqlDbType.Text, complaints, c => c.Text));
            p.Add(Array("language", NpgsqlDbType.Text, complaints, c => c.Language));
            p.Add(Array("attachments", NpgsqlDbType.Jsonb, complaints, c => c.Attachments.Count == 0 ? "[]" : JsonSerializer.Serialize([.. c.Attachments], PostgreSqlJson.Default.ListAttachment)));
            p.Add(Array("department", NpgsqlDbType.Text, complaints, c => c.Department.Value));
            p.Add(Array("district", NpgsqlDbType.Text, complaints, c => c.District?.Value));
            p.Add(Array("category", NpgsqlDbType.Text, complaints, c => c.Category.Value));
            p.Add(Array("routing", NpgsqlDbType.Jsonb, complaints, c => c.Routing is null ? null : JsonSerializer.Serialize(c.Routing, PostgreSqlJson.Default.RoutingDecision)));
            p.Add(Array("status", NpgsqlDbType.Integer, complaints, c => (int)c.Status));
            p.Add(Array("created", NpgsqlDbType.TimestampTz, complaints, c => Utc(c.CreatedAt)));
            p.Add(Array("updated", NpgsqlDbType.TimestampTz, complaints, c => Utc(c.UpdatedAt)));
            p.Add(Array("due", NpgsqlDbType.TimestampTz, complaints, c => Utc(c.DueAt)));
            batch.BatchCommands.Add(command);
        }

        var audits = writes.SelectMany(w => w.AuditEvents).ToList();
        if (audits.Count > 0)
        {
            var command = new NpgsqlBatchCommand(_database.Sql(AuditSql));
            var p = command.Parameters;
            p.Add(Array("id", NpgsqlDbType.Uuid, audits, a => a.Id));
            p.Add(Array("complaint", NpgsqlDbType.Uuid, audits, a => a.ComplaintId.Value));
            p.Add(Array("action", NpgsqlDbType.Text, audits, a => a.Action));
            p.Add(Array("actor", NpgsqlDbType.Text, audits, a => a.Actor));
            p.Add(Array("at", NpgsqlDbType.TimestampTz, audits, a => Utc(a.At)));
            p.Add(Array("from", NpgsqlDbType.Integer, audits, a => (int?)a.FromStatus));
            p.Add(Array("to", NpgsqlDbType.Integer, audits, a => (int?)a.ToStatus));
            p.Add(Array("reason", NpgsqlDbType.Text, audits, a => a.Reason));
            p.Add(Array("source", NpgsqlDbType.Text, audits, a => a.SourceMessageId));
            batch.BatchCommands.Add(command);
        }

        var outbound = writes.SelectMany(w => w.Outbound).ToList();
        if (outbound.Count > 0)
        {
            var command = new NpgsqlBatchCommand(_database.Sql(OutboxSql));
            var p = command.Parameters;
            p.Add(Array("id", NpgsqlDbType.Uuid, outbound, m => m.Id));
            p.Add(Array("key", NpgsqlDbType.Text, outbound, m => m.IdempotencyKey));
            p.Add(Array("complaint", NpgsqlDbType.Uuid, outbound, m => m.ComplaintId.Value));
            p.Add(Array("channel", NpgsqlDbType.Text, outbound, m => m.Channel));
            p.Add(Array("kind", NpgsqlDbType.Integer, outbound, m => (int)m.Kind));
            p.Add(Array("recipient", NpgsqlDbType.Text, outbound, m => m.RecipientId));
            p.Add(Array("reply", NpgsqlDbType.Text, outbound, m => m.InReplyToExternalId));
            p.Add(Array("from", NpgsqlDbType.Text, outbound, m => m.FromAccount));
            p.Add(Array("text", NpgsqlDbType.Text, outbound, m => m.Text));
            p.Add(Array("created", NpgsqlDbType.TimestampTz, outbound, m => Utc(m.CreatedAt)));
            p.Add(Array("status", NpgsqlDbType.Integer, outbound, m => (int)m.Status));
            p.Add(Array("attempts", NpgsqlDbType.Integer, outbound, m => m.Attempts));
            p.Add(Array("sent", NpgsqlDbType.Text, outbound, m => m.SentExternalId));
            p.Add(Array("error", NpgsqlDbType.Text, outbound, m => m.LastError));
            p.Add(Array("priority", NpgsqlDbType.Integer, outbound, m => (int)m.Priority));
            p.Add(Array("next", NpgsqlDbType.TimestampTz, outbound, m => Utc(m.NextAttemptAt)));
            batch.BatchCommands.Add(command);
        }

        var rejections = writes.Where(w => w.Rejection is not null).Select(w => w.Rejection!).ToList();
        if (rejections.Count > 0)
        {
            var command = new NpgsqlBatchCommand(_database.Sql(RejectionsSql));
            var p = command.Parameters;
            p.Add(Array("id", NpgsqlDbType.Uuid, rejections, r => r.Id));
            p.Add(Array("kind", NpgsqlDbType.Integer, rejections, r => (int)r.Kind));
            p.Add(Array("channel", NpgsqlDbType.Text, rejections, r => r.Channel));
            p.Add(Array("external", NpgsqlDbType.Text, rejections, r => r.ExternalId));
            p.Add(Array("reasons", NpgsqlDbType.Jsonb, rejections, r => JsonSerializer.Serialize([.. r.Reasons], PostgreSqlJson.Default.ListString)));
            p.Add(Array("at", NpgsqlDbType.TimestampTz, rejections, r => Utc(r.RejectedAt)));
            p.Add(Array("message", NpgsqlDbType.Jsonb, rejections, r => r.Message is null ? null : JsonSerializer.Serialize(r.Message, PostgreSqlJson.Default.InboundMessage)));
            p.Add(Array("author", NpgsqlDbType.Text, rejections, AuthorOf));
            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    /// <summary>An array parameter of one column's values, typed explicitly so nulls and empty arrays are unambiguous.</summary>
    private static NpgsqlParameter<T[]> Array<TRow, T>(string name, NpgsqlDbType elementType, List<TRow> rows, Func<TRow, T> column)
    {
        var values = new T[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column(rows[i]);
        }

        return new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | elementType) { TypedValue = values };
    }
}
