using Grievance.Codes;
using Grievance.Routing;

namespace Grievance.Complaints;

/// <summary>A citizen's grievance: what they said, where it was routed, and where it stands.</summary>
/// <remarks>Immutable; every change is a new instance written through the lifecycle with an audit event.</remarks>
public sealed record Complaint
{
    /// <summary>Gets the internal identity.</summary>
    public required ComplaintId Id { get; init; }

    /// <summary>Gets the code the citizen quotes back. It never changes, also when the complaint is transferred.</summary>
    public required ComplaintCode Code { get; init; }

    /// <summary>Gets the channel the complaint arrived on (see <see cref="Intake.Channels"/>).</summary>
    public required string Channel { get; init; }

    /// <summary>Gets the channel's id of the message that opened the complaint.</summary>
    public required string SourceMessageId { get; init; }

    /// <summary>Gets the channel's conversation (thread) id, when the channel has threads.</summary>
    public string? ConversationId { get; init; }

    /// <summary>Gets the account of ours the citizen addressed; replies are sent from it.</summary>
    public string? AddressedAccount { get; init; }

    /// <summary>Gets the citizen who complained.</summary>
    public required Complainant Complainant { get; init; }

    /// <summary>Gets the complaint text as received (entities decoded). Personal data: never log it.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the language tag of the text (BCP 47, for example <c>hi</c>), when known.</summary>
    public string? Language { get; init; }

    /// <summary>Gets the attached media.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>Gets the department responsible.</summary>
    public required DepartmentId Department { get; init; }

    /// <summary>Gets the district, or <see langword="null"/> while unknown (triage).</summary>
    public DistrictId? District { get; init; }

    /// <summary>Gets the category.</summary>
    public required CategoryId Category { get; init; }

    /// <summary>Gets the routing decision that placed the complaint, with its reasons.</summary>
    public RoutingDecision? Routing { get; init; }

    /// <summary>Gets the lifecycle status.</summary>
    public required ComplaintStatus Status { get; init; }

    /// <summary>Gets when the complaint was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the complaint last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets when the complaint is due to be resolved.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Gets the version of the complaint's state, raised by one with every lifecycle change (optimistic concurrency).</summary>
    public int Version { get; init; }

    /// <summary>Gets the unit (police station, sub-division) the complaint is assigned to, when assigned.</summary>
    public string? AssignedUnit { get; init; }

    /// <summary>Gets the officer the complaint is assigned to (an officer id, not a name), when assigned.</summary>
    public string? AssignedOfficer { get; init; }

    /// <summary>Gets how often the complaint was transferred to another department or district.</summary>
    public int TransferCount { get; init; }

    /// <summary>Gets the step of the escalation ladder the complaint has reached: 0 while with the district, 1 at the next level, and so on.</summary>
    public int EscalationLevel { get; init; }

    /// <summary>Gets when the current time limit started (creation, receipt by transfer, reopening or escalation), or <see langword="null"/> for <see cref="CreatedAt"/>.</summary>
    public DateTimeOffset? SlaStartedAt { get; init; }

    /// <summary>Gets the time-limit notices already given in the current period.</summary>
    public SlaNotices SlaNotices { get; init; }

    /// <summary>Gets when the time-limit monitor next needs to look at the complaint, or <see langword="null"/> when it has not looked yet.</summary>
    public DateTimeOffset? NextSlaCheckAt { get; init; }

    /// <summary>Gets when the complaint was last resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Gets when the complaint was closed or rejected.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Gets the complainant's answer to "was it resolved?", when given.</summary>
    public bool? Satisfied { get; init; }

    /// <summary>Gets the complainant's rating from 1 to 5, when given.</summary>
    public int? Rating { get; init; }

    /// <summary>Gets when the complainant's personal data was erased, when it was.</summary>
    public DateTimeOffset? ErasedAt { get; init; }
}
