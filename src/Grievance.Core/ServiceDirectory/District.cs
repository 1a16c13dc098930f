using Grievance.Complaints;
using Grievance.Intake;

namespace Grievance.ServiceDirectory;

/// <summary>A district of the gazetteer.</summary>
public sealed record District
{
    /// <summary>Gets the district's short id (for example <c>LKO</c>).</summary>
    public required DistrictId Id { get; init; }

    /// <summary>Gets the English name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the Hindi name in Devanagari.</summary>
    public required string HindiName { get; init; }

    /// <summary>Gets the name of the division the district belongs to.</summary>
    public required string Division { get; init; }

    /// <summary>Gets other names in use: former names, spellings, towns and tehsils inside the district.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Gets neighbourhoods, landmarks and police-station names inside the district.</summary>
    public IReadOnlyList<string> Localities { get; init; } = [];

    /// <summary>Gets the headquarters town.</summary>
    public required string HeadquartersTown { get; init; }

    /// <summary>Gets the approximate position of the headquarters town.</summary>
    public required GeoPoint Headquarters { get; init; }

    /// <summary>Gets a value indicating whether the district is policed by a police commissionerate.</summary>
    public bool IsPoliceCommissionerate { get; init; }
}
