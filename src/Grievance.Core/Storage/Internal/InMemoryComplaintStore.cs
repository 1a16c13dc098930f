using Grievance.Codes;
using Grievance.Complaints;
using Grievance.Notifications;

namespace Grievance.Storage.Internal;

/// <summary>
/// The store used when nothing else is configured: everything in memory, gone at process exit. One lock makes each
/// intake commit atomic, so it honours the same contract as the database stores.
/// </summary>
internal sealed partial class InMemoryComplaintStore(TimeProvider time) : IComplaintStore, IOutboxStore, ICheckpointStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, DateTimeOffset> _leases = [];
    private readonly Dictionary<(string Channel, string ExternalId), ProcessedMessage> _processed = [];
    private readonly Dictionary<ComplaintId, Complaint> _complaints = [];
    private readonly List<ComplaintId> _order = [];
    private readonly Dictionary<string, ComplaintId> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Channel, string ConversationId), ComplaintId> _byConversation = [];
    private readonly Dictionary<ComplaintId, List<AuditEvent>> _audit = [];
    private readonly List<Rejection> _rejections = [];
    private readonly List<OutboundMessage> _outbox = [];
    private readonly HashSet<string> _idempotencyKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _checkpoints = new(StringComparer.Ordinal);

    public Task<ProcessedMessage?> FindProcessedAsync(string channel, string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalId);
        lock (_gate)
        {
            return Task.FromResult(_processed.GetValueOrDefault((channel, externalId)));
        }
    }

    public Task<IReadOnlyList<ProcessedMessage>> FindProcessedBatchAsync(string channel, IReadOnlyList<string> externalIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalIds);
        lock (_gate)
        {
            var found = new List<ProcessedMessage>();
            foreach (var externalId in externalIds.Distinct(StringComparer.Ordinal))
            {
                if (_processed.TryGetValue((channel, externalId), out var record))
                {
                    found.Add(record);
                }
            }

            return Task.FromResult<IReadOnlyList<ProcessedMessage>>(found);
        }
    }

    public Task<IntakeCommitResult> CommitIntakeAsync(IntakeCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(CommitLocked([commit])[0]);
        }
    }

    public Task<IReadOnlyList<IntakeCommitResult>> CommitIntakeBatchAsync(IReadOnlyList<IntakeCommit> commits, CancellationToken cancellationToken = default)
    {
        IntakeCommitBatch.Validate(commits);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<IntakeCommitResult>>(CommitLocked(commits));
        }
    }

    /// <summary>Checks every constraint of every item before writing anything, so a failed group leaves no trace.</summary>
    private IntakeCommitResult[] CommitLocked(IReadOnlyList<IntakeCommit> commits)
    {
        var results = new IntakeCommitResult[commits.Count];
        var keys = new Dictionary<(string Channel, string ExternalId), ProcessedMessage>();
        var ids = new HashSet<ComplaintId>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var idempotencyKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < commits.Count; i++)
        {
            var commit = commits[i];
            if (commit.Message is { } message)
            {
                var key = (message.Channel, message.ExternalId);
                if (_processed.TryGetValue(key, out var existing) || keys.TryGetValue(key, out existing))
                {
                    results[i] = new IntakeCommitResult(false, existing);
                    continue;
                }

                keys[key] = message;
            }

            if (commit.NewComplaint is { } fresh)
            {
                if (_complaints.ContainsKey(fresh.Id) || !ids.Add(fresh.Id))
                {
                    throw new InvalidOperationException($"Complaint {fresh.Id} already exists.");
                }

                if (_byCode.ContainsKey(fresh.Code.Value) || !codes.Add(fresh.Code.Value))
                {
                    throw new InvalidOperationException($"The code {fresh.Code} was already issued.");
                }
            }

            foreach (var outbound in commit.Outbound)
            {
                if (_idempotencyKeys.Contains(outbound.IdempotencyKey) || !idempotencyKeys.Add(outbound.IdempotencyKey))
                {
                    throw new InvalidOperationException($"An outbox message with idempotency key '{outbound.IdempotencyKey}' already exists.");
                }
            }

            foreach (var audit in commit.AuditEvents)
            {
                if (!_complaints.ContainsKey(audit.ComplaintId) && !ids.Contains(audit.ComplaintId))
                {
                    throw new InvalidOperationException($"Audit event for unknown complaint {audit.ComplaintId}.");
                }
            }

            results[i] = new IntakeCommitResult(true, null);
        }

        for (var i = 0; i < commits.Count; i++)
        {
            if (results[i].Committed)
            {
                Apply(commits[i]);
            }
        }

        return results;
    }

    private void Apply(IntakeCommit commit)
    {
        if (commit.Message is { } record)
        {
            _processed[(record.Channel, record.ExternalId)] = record;
        }

        if (commit.NewComplaint is { } complaint)
        {
            _complaints[complaint.Id] = complaint;
            _order.Add(complaint.Id);
            _byCode[complaint.Code.Value] = complaint.Id;
            if (complaint.ConversationId is not null)
            {
                _byConversation.TryAdd((complaint.Channel, complaint.ConversationId), complaint.Id);
            }
        }

        foreach (var audit in commit.AuditEvents)
        {
            if (!_audit.TryGetValue(audit.ComplaintId, out var trail))
            {
                _audit[audit.ComplaintId] = trail = [];
            }

            trail.Add(audit);
        }

        foreach (var outbound in commit.Outbound)
        {
            _outbox.Add(outbound);
            _idempotencyKeys.Add(outbound.IdempotencyKey);
        }

        if (commit.Rejection is { } rejection)
        {
            _rejections.Add(rejection);
        }
    }

    public Task<Complaint?> GetAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_complaints.GetValueOrDefault(id));
        }
    }

    public Task<Complaint?> FindByCodeAsync(ComplaintCode code, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(code.Value is not null && _byCode.TryGetValue(code.Value, out var id) ? _complaints[id] : null);
        }
    }

    public Task<Complaint?> FindByConversationAsync(string channel, string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(conversationId);
        lock (_gate)
        {
            return Task.FromResult(_byConversation.TryGetValue((channel, conversationId), out var id) ? _complaints[id] : null);
        }
    }

    public Task<IReadOnlyList<Complaint>> ListAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Take);
        lock (_gate)
        {
            IReadOnlyList<Complaint> page = [.. Matching(query)
                .Where(c => query.After is null || query.After.Precedes(c.CreatedAt, c.Id))
                .OrderBy(c => c.CreatedAt.UtcTicks).ThenBy(c => c.Id.ToString(), StringComparer.Ordinal)
                .Skip(query.Skip)
                .Take(query.Take)];
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            IReadOnlyList<ComplaintCount> counts = [.. Matching(query)
                .GroupBy(c => (c.District, c.Status))
                .Select(g => new ComplaintCount(g.Key.District, g.Key.Status, g.Count()))
                .OrderBy(c => c.District?.Value, StringComparer.Ordinal).ThenBy(c => c.Status)];
            return Task.FromResult(counts);
        }
    }

    private IEnumerable<Complaint> Matching(ComplaintQuery query) => _order
        .Select(id => _complaints[id])
        .Where(c => query.Department is null || c.Department == query.Department)
        .Where(c => query.Districts.Count == 0 || (c.District is { } d && query.Districts.Contains(d)))
        .Where(c => query.Statuses.Count == 0 || query.Statuses.Contains(c.Status))
        .Where(c => query.Categories.Count == 0 || query.Categories.Contains(c.Category))
        .Where(c => query.CreatedFrom is not { } from || c.CreatedAt >= from)
        .Where(c => query.CreatedBefore is not { } before || c.CreatedAt < before)
        .Where(c => query.OverdueAt is not { } at || (c.DueAt < at && ComplaintQuery.OpenStatuses.Contains(c.Status)))
        .Where(c => query.Code is not { } code || c.Code == code)
        .Where(c => query.Channel is null || c.Channel == query.Channel)
        .Where(c => query.SourceMessageId is null || c.SourceMessageId == query.SourceMessageId);

    public Task<IReadOnlyList<AuditEvent>> GetAuditTrailAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<AuditEvent> trail = _audit.TryGetValue(id, out var events) ? [.. events] : [];
            return Task.FromResult(trail);
        }
    }

    public Task<IReadOnlyList<Rejection>> ListRejectionsAsync(int skip = 0, int take = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        lock (_gate)
        {
            IReadOnlyList<Rejection> page = [.. _rejections.Skip(skip).Take(take)];
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyList<OutboundMessage>> GetPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            IReadOnlyList<OutboundMessage> pending = [.. _outbox.Where(m => m.Status == OutboundMessageStatus.Pending).Take(max)];
            return Task.FromResult(pending);
        }
    }

    public Task<IReadOnlyList<OutboundMessage>> ClaimPendingAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var claimed = new List<OutboundMessage>();
            // OrderByDescending is stable: oldest first within a priority.
            foreach (var message in _outbox.Where(m => m.Status == OutboundMessageStatus.Pending).OrderByDescending(m => m.Priority))
            {
                if (claimed.Count == max)
                {
                    break;
                }

                if ((message.NextAttemptAt is not { } next || next <= now) && (!_leases.TryGetValue(message.Id, out var until) || until <= now))
                {
                    _leases[message.Id] = now + lease;
                    claimed.Add(message);
                }
            }

            return Task.FromResult<IReadOnlyList<OutboundMessage>>(claimed);
        }
    }

    public Task MarkSentAsync(Guid id, string sentExternalId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sentExternalId);
        lock (_gate)
        {
            _leases.Remove(id);
            var index = IndexOf(id);
            var message = _outbox[index];
            _outbox[index] = message with { Status = OutboundMessageStatus.Sent, SentExternalId = sentExternalId, Attempts = message.Attempts + 1, LastError = null, NextAttemptAt = null };
        }

        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(Guid id, string error, bool permanent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        lock (_gate)
        {
            _leases.Remove(id);
            var index = IndexOf(id);
            var message = _outbox[index];
            if (message.Status != OutboundMessageStatus.Pending)
            {
                // A claimer whose lease expired reports late: the message was settled meanwhile, keep that.
                return Task.CompletedTask;
            }

            _outbox[index] = message with
            {
                Status = permanent ? OutboundMessageStatus.Failed : OutboundMessageStatus.Pending,
                Attempts = message.Attempts + 1,
                LastError = error,
            };
        }

        return Task.CompletedTask;
    }

    public Task RetryLaterAsync(Guid id, string error, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        lock (_gate)
        {
            _leases.Remove(id);
            var index = IndexOf(id);
            var message = _outbox[index];
            if (message.Status != OutboundMessageStatus.Pending)
            {
                return Task.CompletedTask;
            }

            _outbox[index] = message with { Status = OutboundMessageStatus.Pending, Attempts = message.Attempts + 1, LastError = error, NextAttemptAt = notBefore };
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            foreach (var id in ids)
            {
                _leases.Remove(id);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboundMessage>> GetFailedAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            IReadOnlyList<OutboundMessage> failed = [.. Enumerable.Reverse(_outbox).Where(m => m.Status == OutboundMessageStatus.Failed).Take(max)];
            return Task.FromResult(failed);
        }
    }

    public Task<int> CountFailedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_outbox.Count(m => m.Status == OutboundMessageStatus.Failed));
        }
    }

    public Task<IReadOnlyList<OutboundMessage>> ListForComplaintAsync(ComplaintId complaintId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<OutboundMessage> messages = [.. _outbox.Where(m => m.ComplaintId == complaintId)];
            return Task.FromResult(messages);
        }
    }

    public Task<string?> GetAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        lock (_gate)
        {
            return Task.FromResult(_checkpoints.GetValueOrDefault(source));
        }
    }

    public Task SetAsync(string source, string checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpoint);
        lock (_gate)
        {
            _checkpoints[source] = checkpoint;
        }

        return Task.CompletedTask;
    }

    private int IndexOf(Guid id)
    {
        var index = _outbox.FindIndex(m => m.Id == id);
        return index >= 0 ? index : throw new KeyNotFoundException($"No outbox message has id {id}.");
    }
}
