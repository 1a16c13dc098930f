using System.ComponentModel.DataAnnotations;

namespace Grievance;

/// <summary>Configuration of one unit of a department inside a district: a police station, a sub-division, a tehsil.</summary>
public sealed class UnitOptions
{
    /// <summary>Gets or sets the unit's name as citizens write it (for example <c>Hazratganj</c>).</summary>
    /// <value>The default value is an empty string, which fails validation.</value>
    [Required]
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the id of the gazetteer district the unit lies in (for example <c>LKO</c>).</summary>
    /// <value>The default value is an empty string, which fails validation.</value>
    [Required]
    public string District { get; set; } = string.Empty;

    /// <summary>Gets or sets what kind of unit this is (for example <c>police-station</c> or <c>tehsil</c>).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Kind { get; set; }

    /// <summary>Gets other names of the unit: spellings in Latin and Devanagari script.</summary>
    /// <value>The default value is an empty list.</value>
    public IList<string> Aliases { get; } = [];
}
