using Grievance.Complaints;

namespace Grievance.ServiceDirectory;

/// <summary>A department that receives complaints.</summary>
public sealed record Department
{
    /// <summary>Gets the department's id.</summary>
    public required DepartmentId Id { get; init; }

    /// <summary>Gets the English name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the Hindi name, when configured.</summary>
    public string? HindiName { get; init; }

    /// <summary>Gets the department's social-media handles (without <c>@</c>).</summary>
    public IReadOnlyList<string> Handles { get; init; } = [];

    /// <summary>Gets the handles of the department's district offices (without <c>@</c>), each with the district it serves. They are also in <see cref="Handles"/>.</summary>
    public IReadOnlyDictionary<string, DistrictId> DistrictHandles { get; init; } = new Dictionary<string, DistrictId>();

    /// <summary>Gets the department's units inside districts (police stations, sub-divisions).</summary>
    public IReadOnlyList<DepartmentUnit> Units { get; init; } = [];

    /// <summary>Gets the categories the department owns.</summary>
    public IReadOnlyList<CategoryId> Categories { get; init; } = [];

    /// <summary>Gets the category used when nothing more specific is known.</summary>
    public required CategoryId DefaultCategory { get; init; }
}
