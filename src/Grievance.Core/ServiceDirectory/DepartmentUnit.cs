using Grievance.Complaints;

namespace Grievance.ServiceDirectory;

/// <summary>A unit of a department inside a district: a police station, a sub-division, a tehsil.</summary>
public sealed record DepartmentUnit
{
    /// <summary>Gets the unit's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the district the unit lies in.</summary>
    public required DistrictId District { get; init; }

    /// <summary>Gets what kind of unit it is (for example <c>police-station</c>), when configured.</summary>
    public string? Kind { get; init; }

    /// <summary>Gets other names of the unit.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
