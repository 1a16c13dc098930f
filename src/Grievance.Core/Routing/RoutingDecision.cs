using Grievance.Complaints;

namespace Grievance.Routing;

/// <summary>Where a complaint goes and why.</summary>
public sealed record RoutingDecision
{
    /// <summary>
    /// Gets a value indicating whether the message is a grievance. When <see langword="false"/> (praise, greetings, political
    /// chatter, spam, reposts, the desk's own posts) the intake records a rejection of kind
    /// <see cref="Storage.RejectionKind.NotAGrievance"/> with <see cref="Reasons"/> and creates no complaint;
    /// <see cref="Department"/> is then the triage department and <see cref="Category"/> is <see cref="CategoryId.None"/>.
    /// </summary>
    public bool IsGrievance { get; init; } = true;

    /// <summary>Gets the department responsible.</summary>
    public required DepartmentId Department { get; init; }

    /// <summary>Gets the district, or <see langword="null"/> when no usable place was found.</summary>
    public DistrictId? District { get; init; }

    /// <summary>Gets the unit inside the district (police station, sub-division), when known.</summary>
    public string? Unit { get; init; }

    /// <summary>Gets the category.</summary>
    public required CategoryId Category { get; init; }

    /// <summary>Gets the confidence in the decision, from 0 (a guess) to 1 (certain). Complaints no rule could place go to the triage department with a low confidence.</summary>
    public required double Confidence { get; init; }

    /// <summary>Gets human-readable reasons, one per rule that contributed, in the order applied.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
