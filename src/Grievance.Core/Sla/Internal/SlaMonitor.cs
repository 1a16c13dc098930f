using Grievance.Complaints;
using Grievance.Diagnostics.Internal;
using Grievance.Lifecycle;
using Grievance.Lifecycle.Internal;
using Grievance.Queries;
using Grievance.ServiceDirectory;
using Grievance.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grievance.Sla.Internal;

/// <summary>Does the time-limit work of complaints whose next check has come, one version-checked commit per complaint.</summary>
internal sealed class SlaMonitor : ISlaMonitor
{
    private const int PageSize = 200;
    private const int RetentionBatch = 1000;
    private readonly IComplaintLifecycleStore _lifecycle;
    private readonly IComplaintQueries _queries;
    private readonly ComplaintService _service;
    private readonly SlaPlanner _planner;
    private readonly LifecycleReplies _replies;
    private readonly IOfficerNotifier _officers;
    private readonly IServiceDirectory _directory;
    private readonly IOptionsMonitor<LifecycleOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SlaMonitor> _logger;

    public SlaMonitor(
        IComplaintLifecycleStore lifecycle,
        IComplaintQueries queries,
        ComplaintService service,
        SlaPlanner planner,
        LifecycleReplies replies,
        IOfficerNotifier officers,
        IServiceDirectory directory,
        IOptionsMonitor<LifecycleOptions> options,
        TimeProvider time,
        ILogger<SlaMonitor> logger)
    {
        _lifecycle = lifecycle;
        _queries = queries;
        _service = service;
        _planner = planner;
        _replies = replies;
        _officers = officers;
        _directory = directory;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task<SlaRunResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        int examined = 0, interim = 0, reminders = 0, escalations = 0, closed = 0, erased = 0, rejectionsErased = 0;
        var seen = new HashSet<ComplaintId>();
        while (true)
        {
            var due = await _lifecycle.ListSlaDueAsync(now, PageSize, cancellationToken).ConfigureAwait(false);
            var fresh = due.Where(c => seen.Add(c.Id)).ToList();
            if (fresh.Count == 0)
            {
                break;
            }

            foreach (var complaint in fresh)
            {
                examined++;
                try
                {
                    var done = await ExamineAsync(complaint, now, cancellationToken).ConfigureAwait(false);
                    interim += done.Interim;
                    reminders += done.Reminders;
                    escalations += done.Escalations;
                    closed += done.Closed;
                }
                catch (ComplaintConcurrencyException)
                {
                    Log.SlaConcurrency(_logger, complaint.Id.Value);
                }
            }
        }

        var retention = _options.CurrentValue.RetentionAfterClosure;
        if (retention > TimeSpan.Zero)
        {
            foreach (var complaint in await _lifecycle.ListForRetentionAsync(now - retention, RetentionBatch, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await _service.EraseAsync(complaint, AuditActors.System, "retention period after closure ended", cancellationToken).ConfigureAwait(false);
                    erased++;
                }
                catch (ComplaintConcurrencyException)
                {
                    Log.SlaConcurrency(_logger, complaint.Id.Value);
                }
            }

            rejectionsErased = await EraseRejectionsAsync(now - retention, cancellationToken).ConfigureAwait(false);
        }

        return new SlaRunResult
        {
            Examined = examined,
            InterimReplies = interim,
            Reminders = reminders,
            Escalations = escalations,
            Closed = closed,
            Erased = erased,
            RejectionsErased = rejectionsErased,
        };
    }

    /// <summary>Erases the personal data of rejected messages older than the retention period (rejection is their closure).</summary>
    private async Task<int> EraseRejectionsAsync(DateTimeOffset rejectedBefore, CancellationToken cancellationToken)
    {
        try
        {
            var count = await _lifecycle.EraseRejectionsBeforeAsync(rejectedBefore, RetentionBatch, cancellationToken).ConfigureAwait(false);
            if (count > 0)
            {
                Log.RejectionsRetentionErased(_logger, count);
            }

            return count;
        }
        catch (NotSupportedException ex)
        {
            // A custom store written before rejections could be erased: the rest of the pass still runs.
            Log.RejectionsRetentionUnsupported(_logger, _lifecycle.GetType().Name, ex);
            return 0;
        }
    }

    private async Task<(int Interim, int Reminders, int Escalations, int Closed)> ExamineAsync(Complaint complaint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (complaint.Status == ComplaintStatus.Resolved)
        {
            if (now >= (complaint.ResolvedAt ?? complaint.UpdatedAt) + _planner.FeedbackWindow)
            {
                await _service.ApplyAsync(complaint, AuditActions.Closed, AuditActors.System, now,
                    new ComplaintService.Step(complaint with { ClosedAt = now }, "no answer from the complainant within the feedback window"), cancellationToken).ConfigureAwait(false);
                return (0, 0, 0, 1);
            }

            await ScheduleAsync(complaint, now, cancellationToken).ConfigureAwait(false);
            return default;
        }

        int interim = 0, reminders = 0, escalations = 0;
        var current = complaint;

        if (current.Status == ComplaintStatus.New && !current.SlaNotices.HasFlag(SlaNotices.AcknowledgementReminder) && now >= _planner.AcknowledgementDue(current))
        {
            await NotifyAsync(current, OfficerNoticeKind.AcknowledgementOverdue, cancellationToken).ConfigureAwait(false);
            current = await ApplyAsync(current, AuditActions.Reminder, now, current with { SlaNotices = current.SlaNotices | SlaNotices.AcknowledgementReminder },
                "nobody took up the complaint in time; officers reminded", null, cancellationToken).ConfigureAwait(false);
            reminders++;
        }

        if (!current.SlaNotices.HasFlag(SlaNotices.InterimReply) && current.DueAt is { } due && now >= _planner.InterimReplyDue(current) && _planner.InterimReplyDue(current) < due)
        {
            current = await ApplyAsync(current, AuditActions.InterimReply, now, current with { SlaNotices = current.SlaNotices | SlaNotices.InterimReply },
                "interim reply sent to the citizen", _replies.Build(current, LifecycleReply.InterimReply, null, now), cancellationToken).ConfigureAwait(false);
            interim++;
        }

        if (!current.SlaNotices.HasFlag(SlaNotices.ResolutionReminder) && _planner.ReminderLead > TimeSpan.Zero && current.DueAt is { } soon && now >= _planner.ReminderAt(current, soon) && now < soon)
        {
            await NotifyAsync(current, OfficerNoticeKind.ResolutionDueSoon, cancellationToken).ConfigureAwait(false);
            current = await ApplyAsync(current, AuditActions.Reminder, now, current with { SlaNotices = current.SlaNotices | SlaNotices.ResolutionReminder },
                "due soon; officers reminded", null, cancellationToken).ConfigureAwait(false);
            reminders++;
        }

        if (current.DueAt is { } overdue && now >= overdue && current.EscalationLevel < _planner.Ladder.Count)
        {
            var from = _planner.LevelName(current.EscalationLevel);
            var level = current.EscalationLevel + 1;
            var escalated = current with { EscalationLevel = level, SlaNotices = current.SlaNotices & ~SlaNotices.ResolutionReminder };
            escalated = escalated with { DueAt = _planner.EscalationDue(now, escalated) };
            current = await ApplyAsync(current, AuditActions.Escalated, now, escalated,
                $"overdue since {_replies.Due(overdue)}; {from} → {_planner.LevelName(level)}", null, cancellationToken).ConfigureAwait(false);
            Log.ComplaintEscalated(_logger, current.Id.Value, current.Code.Value, from, _planner.LevelName(level));
            await NotifyAsync(current, OfficerNoticeKind.Escalated, cancellationToken).ConfigureAwait(false);
            escalations++;
        }

        if (ReferenceEquals(current, complaint))
        {
            await ScheduleAsync(current, now, cancellationToken).ConfigureAwait(false);
        }

        return (interim, reminders, escalations, 0);
    }

    private Task<Complaint> ApplyAsync(Complaint current, string action, DateTimeOffset now, Complaint next, string reason, IReadOnlyList<Notifications.OutboundMessage>? outbound, CancellationToken cancellationToken) =>
        _service.ApplyAsync(current, action, AuditActors.System, now, new ComplaintService.Step(next, reason, outbound), cancellationToken);

    /// <summary>Records when to look again, without an audit event: nothing happened to the complaint.</summary>
    private async Task ScheduleAsync(Complaint complaint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var next = _planner.NextCheck(complaint);
        if (next <= now)
        {
            // Nothing to do now although a check is due (for example an interim time after the due time): look after the due time.
            next = complaint.DueAt is { } due && due > now ? due : SlaPlanner.Never;
        }

        if (complaint.NextSlaCheckAt == next)
        {
            return;
        }

        await _lifecycle.CommitLifecycleAsync(
            new LifecycleCommit { Complaint = complaint with { NextSlaCheckAt = next, Version = complaint.Version + 1 }, ExpectedVersion = complaint.Version },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task NotifyAsync(Complaint complaint, OfficerNoticeKind kind, CancellationToken cancellationToken)
    {
        var district = complaint.District is { } id ? _directory.Gazetteer.FindDistrict(id) : null;
        var notice = new OfficerNotice
        {
            Kind = kind,
            ComplaintId = complaint.Id,
            Code = complaint.Code.Value,
            Department = complaint.Department,
            District = complaint.District,
            Division = district?.Division,
            Unit = complaint.AssignedUnit,
            Officer = complaint.AssignedOfficer,
            Level = _planner.LevelName(complaint.EscalationLevel),
            DueAt = complaint.DueAt,
        };
        Log.OfficerNotice(_logger, kind, complaint.Id.Value, complaint.Code.Value, complaint.Department.Value, complaint.District?.Value ?? "-", notice.Level);
        await _officers.NotifyAsync(notice, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Defaulter>> GetDefaultersAsync(ComplaintScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = _time.GetUtcNow();
        var overdue = new List<Complaint>();
        ComplaintCursor? after = null;
        do
        {
            var page = await _queries.FindAsync(scope, new ComplaintQuery { OverdueAt = now, After = after, Take = 500 }, cancellationToken).ConfigureAwait(false);
            overdue.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        return [.. overdue
            .GroupBy(c => (c.Department, c.District, c.AssignedOfficer))
            .Select(g =>
            {
                var ordered = g.OrderBy(c => c.DueAt).ThenBy(c => c.Code.Value, StringComparer.Ordinal).ToList();
                return new Defaulter(g.Key.Department, g.Key.District, g.Key.AssignedOfficer, ordered.Count, ordered[0].DueAt!.Value, [.. ordered.Select(c => c.Code.Value)]);
            })
            .OrderByDescending(d => d.Overdue).ThenBy(d => d.OldestDueAt)];
    }
}

/// <summary>Logs officer notices (ids and codes only) when the host registers no other notifier.</summary>
internal sealed class LoggingOfficerNotifier : IOfficerNotifier
{
    public Task NotifyAsync(OfficerNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return Task.CompletedTask;
    }
}

/// <summary>Runs the monitor every <see cref="SlaOptions.MonitorInterval"/> on the registered <see cref="TimeProvider"/>.</summary>
internal sealed class SlaMonitorService(ISlaMonitor monitor, IOptionsMonitor<SlaOptions> options, TimeProvider time, ILogger<SlaMonitorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await monitor.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.SlaPassFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.CurrentValue.MonitorInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
