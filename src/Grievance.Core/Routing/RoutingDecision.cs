using Grievance.Complaints;

namespace Grievance.Routing;

/// <summary>Where a complaint goes and why.</summary>
public sealed record RoutingDecision
{
    /// <summary>Gets the department responsible.</summary>
    public required DepartmentId Department { get; init; }

    /// <summary>Gets the district, or <see langword="null"/> when no usable place was found.</summary>
    public DistrictId? District { get; init; }

    /// <summary>Gets the unit inside the district (police station, sub-division), when known.</summary>
    public string? Unit { get; init; }

    /// <summary>Gets the category.</summary>
    public required CategoryId Category { get; init; }

    /// <summary>Gets the confidence in the decision, from 0 (a guess) to 1 (certain).</summary>
    public required double Confidence { get; init; }

    /// <summary>Gets human-readable reasons, one per rule that contributed, in the order applied.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
