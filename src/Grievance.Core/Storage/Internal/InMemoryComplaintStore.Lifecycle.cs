using Grievance.Complaints;
using Grievance.Notifications;

namespace Grievance.Storage.Internal;

internal sealed partial class InMemoryComplaintStore : IComplaintLifecycleStore
{
    /// <summary>What erased personal data is replaced with.</summary>
    internal const string ErasedMarker = "erased";

    public Task CommitLifecycleAsync(LifecycleCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        cancellationToken.ThrowIfCancellationRequested();
        var updated = commit.Complaint;
        lock (_gate)
        {
            if (!_complaints.TryGetValue(updated.Id, out var current) || current.Version != commit.ExpectedVersion)
            {
                throw ComplaintConcurrencyException.For(updated.Id, commit.ExpectedVersion);
            }

            CheckVersion(updated, commit.ExpectedVersion);
            foreach (var outbound in commit.Outbound)
            {
                if (_idempotencyKeys.Contains(outbound.IdempotencyKey) || commit.Outbound.Count(o => o.IdempotencyKey == outbound.IdempotencyKey) > 1)
                {
                    throw new InvalidOperationException($"An outbox message with idempotency key '{outbound.IdempotencyKey}' already exists.");
                }
            }

            if (commit.AuditEvents.Any(a => a.ComplaintId != updated.Id))
            {
                throw new InvalidOperationException("Every audit event of a lifecycle commit must belong to its complaint.");
            }

            // Only lifecycle fields change; what the citizen sent stays as stored.
            _complaints[updated.Id] = Lifecycle(current, updated);
            if (!_audit.TryGetValue(updated.Id, out var trail))
            {
                _audit[updated.Id] = trail = [];
            }

            trail.AddRange(commit.AuditEvents);
            foreach (var outbound in commit.Outbound)
            {
                _outbox.Add(outbound);
                _idempotencyKeys.Add(outbound.IdempotencyKey);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Complaint>> ListSlaDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            IReadOnlyList<Complaint> due = [.. _order.Select(id => _complaints[id])
                .Where(c => c.Status == ComplaintStatus.Resolved || ComplaintQuery.OpenStatuses.Contains(c.Status))
                .Where(c => c.NextSlaCheckAt is not { } next || next <= now)
                .OrderBy(c => c.NextSlaCheckAt?.UtcTicks ?? long.MinValue)
                .Take(max)];
            return Task.FromResult(due);
        }
    }

    public Task<IReadOnlyList<Complaint>> ListByComplainantAsync(string channel, string platformId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(platformId);
        lock (_gate)
        {
            IReadOnlyList<Complaint> list = [.. _order.Select(id => _complaints[id])
                .Where(c => c.Channel == channel && c.Complainant.PlatformId == platformId && c.ErasedAt is null)];
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<Complaint>> ListForRetentionAsync(DateTimeOffset closedBefore, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            IReadOnlyList<Complaint> list = [.. _order.Select(id => _complaints[id])
                .Where(c => c.Status is ComplaintStatus.Closed or ComplaintStatus.Rejected && c.ErasedAt is null && c.ClosedAt < closedBefore)
                .Take(max)];
            return Task.FromResult(list);
        }
    }

    public Task EraseAsync(Complaint erased, int expectedVersion, AuditEvent audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(erased);
        ArgumentNullException.ThrowIfNull(audit);
        lock (_gate)
        {
            if (!_complaints.TryGetValue(erased.Id, out var current) || current.Version != expectedVersion)
            {
                throw ComplaintConcurrencyException.For(erased.Id, expectedVersion);
            }

            CheckVersion(erased, expectedVersion);
            var citizen = current.Complainant.PlatformId;
            _complaints[erased.Id] = Lifecycle(current, erased) with
            {
                Complainant = new Complainant { PlatformId = ErasedMarker },
                Text = ErasedMarker,
                Attachments = [],
                Routing = null,
                ConversationId = null,
            };
            if (current.ConversationId is not null)
            {
                _byConversation.Remove((current.Channel, current.ConversationId));
            }

            if (_audit.TryGetValue(erased.Id, out var trail))
            {
                for (var i = 0; i < trail.Count; i++)
                {
                    if (trail[i].Actor == citizen)
                    {
                        trail[i] = trail[i] with { Actor = ErasedMarker, Reason = null };
                    }
                }
            }
            else
            {
                _audit[erased.Id] = trail = [];
            }

            trail.Add(audit);
            for (var i = 0; i < _outbox.Count; i++)
            {
                var message = _outbox[i];
                if (message.ComplaintId == erased.Id)
                {
                    _outbox[i] = message with
                    {
                        RecipientId = ErasedMarker,
                        Text = ErasedMarker,
                        Status = message.Status == OutboundMessageStatus.Pending ? OutboundMessageStatus.Failed : message.Status,
                        LastError = message.Status == OutboundMessageStatus.Pending ? "Personal data erased before sending." : message.LastError,
                    };
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void CheckVersion(Complaint updated, int expectedVersion)
    {
        if (updated.Version != expectedVersion + 1)
        {
            throw new ArgumentException($"The new state of complaint {updated.Id} must have version {expectedVersion + 1}, not {updated.Version}.", nameof(updated));
        }
    }

    /// <summary>The stored complaint with the lifecycle fields of <paramref name="updated"/>.</summary>
    private static Complaint Lifecycle(Complaint current, Complaint updated) => current with
    {
        Department = updated.Department,
        District = updated.District,
        Category = updated.Category,
        Status = updated.Status,
        UpdatedAt = updated.UpdatedAt,
        DueAt = updated.DueAt,
        Version = updated.Version,
        AssignedUnit = updated.AssignedUnit,
        AssignedOfficer = updated.AssignedOfficer,
        TransferCount = updated.TransferCount,
        EscalationLevel = updated.EscalationLevel,
        SlaStartedAt = updated.SlaStartedAt,
        SlaNotices = updated.SlaNotices,
        NextSlaCheckAt = updated.NextSlaCheckAt,
        ResolvedAt = updated.ResolvedAt,
        ClosedAt = updated.ClosedAt,
        Satisfied = updated.Satisfied,
        Rating = updated.Rating,
        ErasedAt = updated.ErasedAt,
    };
}
