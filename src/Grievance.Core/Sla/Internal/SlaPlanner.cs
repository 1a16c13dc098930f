using Grievance.Complaints;
using Grievance.Lifecycle;
using Grievance.Storage;
using Microsoft.Extensions.Options;

namespace Grievance.Sla.Internal;

/// <summary>The time limits of one complaint, resolved from the policies.</summary>
internal readonly record struct SlaTimes(TimeSpan Acknowledgement, TimeSpan InterimReply, TimeSpan Resolution, bool WorkingTime);

/// <summary>Works out a complaint's deadlines from the policies and the calendar, and when the monitor must look at it next.</summary>
internal sealed class SlaPlanner
{
    /// <summary>Stored as the next check of a complaint the monitor need not look at again.</summary>
    public static readonly DateTimeOffset Never = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly SlaPolicy[] s_builtIn =
    [
        new() { Category = "women-safety", AcknowledgementTime = TimeSpan.FromHours(1), InterimReplyTime = TimeSpan.FromHours(6), ResolutionTime = TimeSpan.FromHours(24), WorkingTime = false },
        new() { Category = "missing-person", AcknowledgementTime = TimeSpan.FromHours(1), InterimReplyTime = TimeSpan.FromHours(6), ResolutionTime = TimeSpan.FromHours(24), WorkingTime = false },
    ];

    private readonly IOptionsMonitor<SlaOptions> _options;
    private readonly IOptionsMonitor<LifecycleOptions> _lifecycle;
    private readonly IOptionsMonitor<GrievanceOptions> _grievance;

    public SlaPlanner(IOptionsMonitor<SlaOptions> options, IOptionsMonitor<LifecycleOptions> lifecycle, IOptionsMonitor<GrievanceOptions> grievance)
    {
        _options = options;
        _lifecycle = lifecycle;
        _grievance = grievance;
    }

    public WorkingCalendar Calendar
    {
        get
        {
            var o = _options.CurrentValue;
            return new WorkingCalendar(
                TimeZoneInfo.FindSystemTimeZoneById(_grievance.CurrentValue.TimeZone),
                o.WorkingDayStart,
                o.WorkingDayEnd,
                o.WorkingDays.Count > 0 ? o.WorkingDays : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday],
                o.Holidays);
        }
    }

    public IReadOnlyList<string> Ladder => _options.CurrentValue.EscalationLadder.Count > 0 ? [.. _options.CurrentValue.EscalationLadder] : SlaOptions.DefaultEscalationLadder;

    public SlaTimes TimesFor(DepartmentId department, CategoryId category)
    {
        var o = _options.CurrentValue;
        TimeSpan? ack = null, interim = null, resolution = null;
        bool? working = null;

        // Most specific first: department and category, category, department; configured before built in.
        IEnumerable<SlaPolicy> candidates = o.Policies.Where(p => Matches(p.Department, department.Value) && Matches(p.Category, category.Value))
            .OrderByDescending(p => (p.Department is null ? 0 : 1) + (p.Category is null ? 0 : 2))
            .Concat(s_builtIn.Where(p => Matches(p.Category, category.Value)));
        foreach (var policy in candidates)
        {
            ack ??= policy.AcknowledgementTime;
            interim ??= policy.InterimReplyTime;
            resolution ??= policy.ResolutionTime;
            working ??= policy.WorkingTime;
        }

        return new SlaTimes(ack ?? o.AcknowledgementTime, interim ?? o.InterimReplyTime, resolution ?? _grievance.CurrentValue.DefaultResolutionTime, working ?? o.WorkingTime);
    }

    private static bool Matches(string? configured, string? value) =>
        configured is null || string.Equals(configured.Trim(), value, StringComparison.OrdinalIgnoreCase);

    /// <summary>The due time of a complaint whose time limit starts at <paramref name="start"/>.</summary>
    public DateTimeOffset ResolutionDue(DepartmentId department, CategoryId category, DateTimeOffset start)
    {
        var times = TimesFor(department, category);
        return Calendar.Add(start, times.Resolution, times.WorkingTime);
    }

    public DateTimeOffset AcknowledgementDue(Complaint complaint)
    {
        var times = TimesFor(complaint.Department, complaint.Category);
        return Calendar.Add(complaint.SlaStartedAt ?? complaint.CreatedAt, times.Acknowledgement, times.WorkingTime);
    }

    public DateTimeOffset InterimReplyDue(Complaint complaint)
    {
        var times = TimesFor(complaint.Department, complaint.Category);
        return Calendar.Add(complaint.SlaStartedAt ?? complaint.CreatedAt, times.InterimReply, times.WorkingTime);
    }

    public DateTimeOffset EscalationDue(DateTimeOffset start, Complaint complaint) =>
        Calendar.Add(start, _options.CurrentValue.EscalationTime, TimesFor(complaint.Department, complaint.Category).WorkingTime);

    public TimeSpan ReminderLead => _options.CurrentValue.ReminderLead;

    public TimeSpan FeedbackWindow => _lifecycle.CurrentValue.FeedbackWindow;

    /// <summary>When the monitor must next look at the complaint; <see cref="Never"/> when nothing is left to do.</summary>
    public DateTimeOffset NextCheck(Complaint complaint)
    {
        if (complaint.Status == ComplaintStatus.Resolved)
        {
            return (complaint.ResolvedAt ?? complaint.UpdatedAt) + FeedbackWindow;
        }

        if (!ComplaintQuery.OpenStatuses.Contains(complaint.Status))
        {
            return Never;
        }

        var next = Never;
        void Consider(DateTimeOffset at)
        {
            if (at < next)
            {
                next = at;
            }
        }

        if (complaint.Status == ComplaintStatus.New && !complaint.SlaNotices.HasFlag(SlaNotices.AcknowledgementReminder))
        {
            Consider(AcknowledgementDue(complaint));
        }

        if (complaint.DueAt is { } due)
        {
            if (!complaint.SlaNotices.HasFlag(SlaNotices.InterimReply))
            {
                var interim = InterimReplyDue(complaint);
                if (interim < due)
                {
                    Consider(interim);
                }
            }

            if (!complaint.SlaNotices.HasFlag(SlaNotices.ResolutionReminder) && ReminderLead > TimeSpan.Zero)
            {
                Consider(ReminderAt(complaint, due));
            }

            if (complaint.EscalationLevel < Ladder.Count)
            {
                Consider(due);
            }
        }

        return next;
    }

    /// <summary>When officers are reminded that a complaint is due: <see cref="SlaOptions.ReminderLead"/> before, but never earlier than three quarters of the time.</summary>
    public DateTimeOffset ReminderAt(Complaint complaint, DateTimeOffset due)
    {
        var start = complaint.SlaStartedAt ?? complaint.CreatedAt;
        var quarter = due > start ? (due - start) / 4 : TimeSpan.Zero;
        return due - (ReminderLead < quarter ? ReminderLead : quarter);
    }

    /// <summary>The name of a step of the ladder: <c>district</c> for 0, then the configured steps.</summary>
    public string LevelName(int level) => level <= 0 ? "district" : Ladder[Math.Min(level, Ladder.Count) - 1];
}
