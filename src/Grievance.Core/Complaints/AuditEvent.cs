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
}

/// <summary>Well-known actors for <see cref="AuditEvent.Actor"/>.</summary>
public static class AuditActors
{
    /// <summary>The library itself (intake, SLA monitor).</summary>
    public const string System = "system";
}
