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
}
