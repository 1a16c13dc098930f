namespace Grievance.Complaints;

/// <summary>One append-only entry in a complaint's history: who did what, when, from which state to which, and why.</summary>
public sealed record AuditEvent
{
    /// <summary>Gets the identity of this event.</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the complaint the event belongs to.</summary>
    public required ComplaintId ComplaintId { get; init; }

    /// <summary>Gets what happened (see <see cref="AuditActions"/>).</summary>
    public required string Action { get; init; }

    /// <summary>Gets who did it: an officer id, or <see cref="AuditActors.System"/> for automatic steps.</summary>
    public required string Actor { get; init; }

    /// <summary>Gets when it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets the status before the event, when the status changed.</summary>
    public ComplaintStatus? FromStatus { get; init; }

    /// <summary>Gets the status after the event, when the status changed.</summary>
    public ComplaintStatus? ToStatus { get; init; }

    /// <summary>Gets the reason or note given with the action.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the channel message that caused the event (for example a follow-up post), when any.</summary>
    public string? SourceMessageId { get; init; }
}

/// <summary>Names of the actions recorded in <see cref="AuditEvent.Action"/>.</summary>
public static class AuditActions
{
    /// <summary>The complaint was received, coded and routed.</summary>
    public const string Created = "created";

    /// <summary>The citizen wrote again in the complaint's thread.</summary>
    public const string FollowUp = "follow-up";

    /// <summary>The citizen asked for the complaint's status.</summary>
    public const string StatusQuery = "status-query";

    /// <summary>An officer assigned the complaint to a unit or officer.</summary>
    public const string Assigned = "assigned";

    /// <summary>An officer started work on the complaint.</summary>
    public const string Started = "started";

    /// <summary>An officer added an internal note (never sent to the citizen).</summary>
    public const string Note = "note";

    /// <summary>An officer asked the citizen for information.</summary>
    public const string InformationRequested = "information-requested";

    /// <summary>The complaint was transferred to another department or district; its code did not change.</summary>
    public const string Transferred = "transferred";

    /// <summary>The complaint was resolved with a public resolution note.</summary>
    public const string Resolved = "resolved";

    /// <summary>The complaint was rejected for a configured reason.</summary>
    public const string Rejected = "rejected";

    /// <summary>The complaint was reopened.</summary>
    public const string Reopened = "reopened";

    /// <summary>The complaint was closed.</summary>
    public const string Closed = "closed";

    /// <summary>The complaint was overdue and went one step up the escalation ladder.</summary>
    public const string Escalated = "escalated";

    /// <summary>The interim reply was sent to the citizen.</summary>
    public const string InterimReply = "interim-reply";

    /// <summary>The officers were reminded of a time limit.</summary>
    public const string Reminder = "reminder";

    /// <summary>The complainant answered whether the complaint was resolved, or rated it.</summary>
    public const string Feedback = "feedback";

    /// <summary>The complainant's personal data was erased or anonymised.</summary>
    public const string Erased = "erased";

    /// <summary>The complaint was held for review at intake: the complainant reached the monthly limit.</summary>
    public const string Held = "held";

    /// <summary>An officer released a held complaint for work; its time limit starts then.</summary>
    public const string Released = "released";
}

/// <summary>Well-known actors for <see cref="AuditEvent.Actor"/>.</summary>
public static class AuditActors
{
    /// <summary>The library itself (intake, SLA monitor).</summary>
    public const string System = "system";
}
