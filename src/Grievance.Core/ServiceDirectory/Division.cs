using Grievance.Complaints;

namespace Grievance.ServiceDirectory;

/// <summary>A revenue division (mandal): a group of districts, the step above a district on the escalation ladder.</summary>
public sealed record Division
{
    /// <summary>Gets the current official name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the Hindi name in Devanagari.</summary>
    public required string HindiName { get; init; }

    /// <summary>Gets former or alternative names.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Gets the headquarters town.</summary>
    public required string Headquarters { get; init; }

    /// <summary>Gets the districts of the division.</summary>
    public required IReadOnlyList<DistrictId> Districts { get; init; }
}
