using Grievance.Complaints;

namespace Grievance.Storage;

/// <summary>A filter over complaints. Empty filters match everything; results are ordered by creation time.</summary>
public sealed record ComplaintQuery
{
    /// <summary>Gets the department to list, or <see langword="null"/> for every department.</summary>
    public DepartmentId? Department { get; init; }

    /// <summary>Gets the districts to list, or an empty list for every district.</summary>
    public IReadOnlyList<DistrictId> Districts { get; init; } = [];

    /// <summary>Gets the statuses to list, or an empty list for every status.</summary>
    public IReadOnlyList<ComplaintStatus> Statuses { get; init; } = [];

    /// <summary>Gets how many matching complaints to skip.</summary>
    public int Skip { get; init; }

    /// <summary>Gets the most complaints to return.</summary>
    public int Take { get; init; } = 100;
}
