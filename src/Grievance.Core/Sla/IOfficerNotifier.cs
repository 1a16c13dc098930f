using Grievance.Complaints;

namespace Grievance.Sla;

/// <summary>Tells officers about time limits (e-mail, SMS, a dashboard): never the citizen's channel, and never the citizen's data.</summary>
public interface IOfficerNotifier
{
    /// <summary>Delivers one notice.</summary>
    /// <param name="notice">The notice.</param>
    /// <param name="cancellationToken">The token to cancel the operation.</param>
    /// <returns>A task that completes when the notice is handed over.</returns>
    Task NotifyAsync(OfficerNotice notice, CancellationToken cancellationToken = default);
}

/// <summary>Why officers are notified.</summary>
public enum OfficerNoticeKind
{
    /// <summary>Nobody took up a new complaint in time.</summary>
    AcknowledgementOverdue = 0,

    /// <summary>The complaint is due soon.</summary>
    ResolutionDueSoon = 1,

    /// <summary>The complaint was overdue and was escalated to the <see cref="OfficerNotice.Level"/> named.</summary>
    Escalated = 2,
}

/// <summary>A notice to officers about one complaint: public fields and ids only.</summary>
public sealed record OfficerNotice
{
    /// <summary>Gets why.</summary>
    public required OfficerNoticeKind Kind { get; init; }

    /// <summary>Gets the complaint.</summary>
    public required ComplaintId ComplaintId { get; init; }

    /// <summary>Gets the complaint's code.</summary>
    public required string Code { get; init; }

    /// <summary>Gets the department.</summary>
    public required DepartmentId Department { get; init; }

    /// <summary>Gets the district, when known.</summary>
    public DistrictId? District { get; init; }

    /// <summary>Gets the division of the district, when known.</summary>
    public string? Division { get; init; }

    /// <summary>Gets the unit the complaint is assigned to, when assigned.</summary>
    public string? Unit { get; init; }

    /// <summary>Gets the officer the complaint is assigned to, when assigned.</summary>
    public string? Officer { get; init; }

    /// <summary>Gets the step of the escalation ladder that is to act: <c>district</c>, <c>division</c>, <c>state</c>.</summary>
    public required string Level { get; init; }

    /// <summary>Gets when the complaint is due.</summary>
    public DateTimeOffset? DueAt { get; init; }
}
