using Grievance.Complaints;
using Grievance.Diagnostics.Internal;
using Grievance.Notifications;
using Grievance.ServiceDirectory;
using Grievance.Sla.Internal;
using Grievance.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Lifecycle.Internal;

/// <summary>Officers' actions, the citizen's feedback and the monitor's steps, all through the state machine and one commit each.</summary>
internal sealed class ComplaintService : IComplaintService
{
    private static readonly string[] s_notOurDepartment =
        ["department", "not our", "not my", "not ours", "wrong office", "विभाग", "jurisdiction", "क्षेत्राधिकार"];

    private readonly IComplaintStore _store;
    private readonly IComplaintLifecycleStore _lifecycle;
    private readonly IServiceDirectory _directory;
    private readonly IOptionsMonitor<LifecycleOptions> _options;
    private readonly SlaPlanner _planner;
    private readonly LifecycleReplies _replies;
    private readonly TimeProvider _time;
    private readonly ILogger<ComplaintService> _logger;

    public ComplaintService(
        IComplaintStore store,
        IComplaintLifecycleStore lifecycle,
        IServiceDirectory directory,
        IOptionsMonitor<LifecycleOptions> options,
        SlaPlanner planner,
        LifecycleReplies replies,
        TimeProvider time,
        ILogger<ComplaintService> logger)
    {
        _store = store;
        _lifecycle = lifecycle;
        _directory = directory;
        _options = options;
        _planner = planner;
        _replies = replies;
        _time = time;
        _logger = logger;
    }

    public Task<Complaint> AssignAsync(ComplaintId id, string actor, string? unit, string? officer, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (string.IsNullOrWhiteSpace(unit) && string.IsNullOrWhiteSpace(officer))
        {
            throw new ArgumentException("Assign to a unit, an officer, or both.", nameof(unit));
        }

        return ActAsync(id, AuditActions.Assigned, actor, cancellationToken, (c, now) =>
        {
            var reason = string.Join(", ", new[] { unit is null ? null : "unit " + unit.Trim(), officer is null ? null : "officer " + officer.Trim() }.Where(s => s is not null));
            return new Step(c with { AssignedUnit = unit?.Trim() ?? c.AssignedUnit, AssignedOfficer = officer?.Trim() ?? c.AssignedOfficer }, reason);
        });
    }

    public Task<Complaint> StartAsync(ComplaintId id, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return ActAsync(id, AuditActions.Started, actor, cancellationToken, (c, _) => new Step(c, null));
    }

    public Task<Complaint> AddNoteAsync(ComplaintId id, string actor, string note, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        return ActAsync(id, AuditActions.Note, actor, cancellationToken, (c, _) => new Step(c, note.Trim()));
    }

    public Task<Complaint> RequestInformationAsync(ComplaintId id, string actor, string question, bool privately = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        return ActAsync(id, AuditActions.InformationRequested, actor, cancellationToken, (c, now) =>
            new Step(c, (privately ? "by direct message: " : "in thread: ") + question.Trim(),
                _replies.Build(c, privately ? LifecycleReply.PrivateInformationRequest : LifecycleReply.InformationRequest, question, now)));
    }

    public Task<Complaint> TransferAsync(ComplaintId id, string actor, DepartmentId department, DistrictId? district, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (department.Value is null)
        {
            throw new ArgumentException("A transfer needs the receiving department.", nameof(department));
        }

        var target = _directory.FindDepartment(department)
            ?? throw new ComplaintRuleException($"Cannot transfer to department '{department}': it is not configured.");
        if (district is { } d && _directory.Gazetteer.FindDistrict(d) is null)
        {
            throw new ComplaintRuleException($"Cannot transfer to district '{d}': the gazetteer of {_directory.Gazetteer.StateName} does not have it.");
        }

        return ActAsync(id, AuditActions.Transferred, actor, cancellationToken, (c, now) =>
        {
            var max = _options.CurrentValue.MaxTransfers;
            if (c.TransferCount >= max)
            {
                throw new ComplaintRuleException(
                    $"Complaint {c.Code} was already transferred {c.TransferCount} times, the most allowed ({max}); the current department must decide it.");
            }

            var toDistrict = district ?? c.District;
            if (c.Department == target.Id && c.District == toDistrict)
            {
                throw new ComplaintRuleException($"Complaint {c.Code} is already with {target.Id}{(toDistrict is null ? string.Empty : "/" + toDistrict)}.");
            }

            // Keep the category when the receiving department may use it, else its default.
            var owner = _directory.FindDepartmentByCategory(c.Category);
            var category = owner is null || owner.Id == target.Id ? c.Category : target.DefaultCategory;
            var moved = c with
            {
                Department = target.Id,
                District = toDistrict,
                Category = category,
                TransferCount = c.TransferCount + 1,
                AssignedUnit = null,
                AssignedOfficer = null,
                EscalationLevel = 0,
                SlaStartedAt = now,
                SlaNotices = c.SlaNotices & SlaNotices.InterimReply,
                DueAt = _planner.ResolutionDue(target.Id, category, now),
            };
            var text = $"{c.Department}/{c.District?.Value ?? "-"} → {moved.Department}/{moved.District?.Value ?? "-"}: {reason.Trim()}";
            return new Step(moved, text, _replies.Build(moved, LifecycleReply.Transfer, null, now));
        });
    }

    public Task<Complaint> ReleaseAsync(ComplaintId id, string actor, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return ActAsync(id, AuditActions.Released, actor, cancellationToken, (c, now) =>
        {
            // The time limit starts now: the complaint is treated as received at its release.
            var released = c with
            {
                SlaStartedAt = now,
                SlaNotices = SlaNotices.None,
                DueAt = _planner.ResolutionDue(c.Department, c.Category, now),
            };
            return new Step(released, reason?.Trim(), _replies.Build(released, LifecycleReply.Released, null, now));
        });
    }

    public Task<Complaint> ResolveAsync(ComplaintId id, string actor, string resolutionNote, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(resolutionNote);
        return ActAsync(id, AuditActions.Resolved, actor, cancellationToken, (c, now) =>
            new Step(c with { ResolvedAt = now, Satisfied = null }, resolutionNote.Trim(), _replies.Build(c, LifecycleReply.Resolution, resolutionNote, now)));
    }

    public Task<Complaint> RejectAsync(ComplaintId id, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var configured = _options.CurrentValue.RejectionReasons.Count > 0 ? [.. _options.CurrentValue.RejectionReasons] : LifecycleOptions.DefaultRejectionReasons;
        var match = configured.FirstOrDefault(r => string.Equals(r.Trim(), reason.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            if (s_notOurDepartment.Any(w => reason.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ComplaintRuleException(
                    "A complaint is never closed as \"not our department\": transfer it to the department or district that can act on it (TransferAsync).");
            }

            throw new ComplaintRuleException($"'{reason.Trim()}' is not a rejection reason; the configured reasons are: {string.Join(", ", configured)}.");
        }

        return ActAsync(id, AuditActions.Rejected, actor, cancellationToken, (c, now) =>
            new Step(c with { ClosedAt = now }, match, _replies.Build(c, LifecycleReply.Rejection, match, now)));
    }

    public Task<Complaint> ReopenAsync(ComplaintId id, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return ActAsync(id, AuditActions.Reopened, actor, cancellationToken, (c, now) => Reopen(c, now, reason.Trim(), escalate: false));
    }

    public Task<Complaint> CloseAsync(ComplaintId id, string actor, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return ActAsync(id, AuditActions.Closed, actor, cancellationToken, (c, now) => new Step(c with { ClosedAt = now }, reason?.Trim()));
    }

    public async Task<Complaint> ErasePersonalDataAsync(ComplaintId id, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var complaint = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        return await EraseAsync(complaint, actor, reason.Trim(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> EraseCitizenAsync(string channel, string platformId, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(platformId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var complaints = await _lifecycle.ListByComplainantAsync(channel, platformId, cancellationToken).ConfigureAwait(false);
        foreach (var complaint in complaints)
        {
            await EraseAsync(complaint, actor, reason.Trim(), cancellationToken).ConfigureAwait(false);
        }

        // The messages of the citizen that did not become complaints hold the same personal data.
        var rejections = await _lifecycle.EraseRejectionsAsync(channel, platformId, cancellationToken).ConfigureAwait(false);
        if (rejections > 0)
        {
            Log.RejectionsErased(_logger, rejections, channel);
        }

        return complaints.Count;
    }

    internal async Task<Complaint> EraseAsync(Complaint complaint, string actor, string reason, CancellationToken cancellationToken)
    {
        if (complaint.ErasedAt is not null)
        {
            return complaint;
        }

        var now = _time.GetUtcNow();
        var erased = complaint with { ErasedAt = now, UpdatedAt = now, Version = complaint.Version + 1 };
        var audit = Audit(complaint, AuditActions.Erased, actor, now, complaint.Status, complaint.Status, reason, null);
        await _lifecycle.EraseAsync(erased, complaint.Version, audit, cancellationToken).ConfigureAwait(false);
        Log.PersonalDataErased(_logger, complaint.Id.Value, complaint.Code.Value);
        return (await _store.GetAsync(complaint.Id, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The citizen's answer to "was it resolved?" (only the complainant's answer reaches here) and/or a rating.</summary>
    internal async Task<Complaint?> RecordFeedbackAsync(Complaint complaint, bool? satisfied, int? rating, string sourceMessageId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var inWindow = complaint.Status == ComplaintStatus.Resolved && complaint.ResolvedAt is { } resolved && now <= resolved + _planner.FeedbackWindow;
        var actor = complaint.Complainant.PlatformId;
        if (satisfied == false && inWindow)
        {
            return await ApplyAsync(complaint, AuditActions.Reopened, actor, now, Reopen(complaint, now, "the complainant says it was not resolved", escalate: true) with { Source = sourceMessageId }, cancellationToken).ConfigureAwait(false);
        }

        if (satisfied == true && inWindow)
        {
            var closed = complaint with { ClosedAt = now, Satisfied = true, Rating = rating ?? complaint.Rating };
            var reason = "the complainant says it was resolved" + (rating is { } r ? $"; rating {r}" : string.Empty);
            return await ApplyAsync(complaint, AuditActions.Closed, actor, now, new Step(closed, reason, _replies.Build(closed, LifecycleReply.Closed, null, now), sourceMessageId), cancellationToken).ConfigureAwait(false);
        }

        if (rating is { } rating1 && complaint.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed && complaint.Rating is null)
        {
            return await ApplyAsync(complaint, AuditActions.Feedback, actor, now, new Step(complaint with { Rating = rating1 }, $"rating {rating1}", [], sourceMessageId), cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private Step Reopen(Complaint c, DateTimeOffset now, string reason, bool escalate)
    {
        var level = escalate ? Math.Min(c.EscalationLevel + 1, _planner.Ladder.Count) : c.EscalationLevel;
        var reopened = c with
        {
            ClosedAt = null,
            Satisfied = escalate ? false : c.Satisfied,
            EscalationLevel = level,
            SlaStartedAt = now,
            SlaNotices = SlaNotices.InterimReply | SlaNotices.AcknowledgementReminder,
        };
        reopened = reopened with { DueAt = escalate ? _planner.EscalationDue(now, reopened) : _planner.ResolutionDue(c.Department, c.Category, now) };
        var text = escalate && level != c.EscalationLevel ? $"{reason}; escalated {_planner.LevelName(c.EscalationLevel)} → {_planner.LevelName(level)}" : reason;
        return new Step(reopened, text, _replies.Build(reopened, LifecycleReply.Reopened, null, now));
    }

    internal async Task<Complaint> LoadAsync(ComplaintId id, CancellationToken cancellationToken) =>
        await _store.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"No complaint has the id {id}.");

#pragma warning disable CA1068 // The step reads best last, as the body of each action.
    private async Task<Complaint> ActAsync(ComplaintId id, string action, string actor, CancellationToken cancellationToken, Func<Complaint, DateTimeOffset, Step> step)
    {
        var complaint = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        ComplaintStateMachine.Apply(complaint, action);
        return await ApplyAsync(complaint, action, actor.Trim(), now, step(complaint, now), cancellationToken).ConfigureAwait(false);
    }
#pragma warning restore CA1068

    /// <summary>Checks the transition, completes the new state and writes it with its audit event and replies in one commit.</summary>
    internal async Task<Complaint> ApplyAsync(Complaint current, string action, string actor, DateTimeOffset now, Step step, CancellationToken cancellationToken)
    {
        var to = ComplaintStateMachine.Apply(current, action);
        var next = step.Complaint with { Status = to, UpdatedAt = now, Version = current.Version + 1 };
        next = next with { NextSlaCheckAt = _planner.NextCheck(next) };
        var audit = Audit(current, action, actor, now, current.Status, to, step.Reason, step.Source);
        var outbound = step.Outbound ?? [];

        // Replies were composed from the state before the version was raised: key them by the new version.
        await _lifecycle.CommitLifecycleAsync(new LifecycleCommit { Complaint = next, ExpectedVersion = current.Version, AuditEvents = [audit], Outbound = outbound }, cancellationToken).ConfigureAwait(false);
        Log.ComplaintTransition(_logger, current.Id.Value, current.Code.Value, action, current.Status, to);
        return next;
    }

    private static AuditEvent Audit(Complaint complaint, string action, string actor, DateTimeOffset now, ComplaintStatus from, ComplaintStatus to, string? reason, string? source) => new()
    {
        Id = Guid.CreateVersion7(now),
        ComplaintId = complaint.Id,
        Action = action,
        Actor = actor,
        At = now,
        FromStatus = from,
        ToStatus = to,
        Reason = reason,
        SourceMessageId = source,
    };

    /// <summary>What an action changes: the new state (before status, time and version are set), the audit reason and the replies.</summary>
    internal sealed record Step(Complaint Complaint, string? Reason, IReadOnlyList<OutboundMessage>? Outbound = null, string? Source = null);
}
