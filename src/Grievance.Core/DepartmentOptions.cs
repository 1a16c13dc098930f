using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Grievance;

/// <summary>Configuration of one department.</summary>
public sealed class DepartmentOptions
{
    /// <summary>Gets or sets the department's id (lower case letters, digits and dashes).</summary>
    /// <value>The default value is an empty string, which fails validation.</value>
    [Required]
    [RegularExpression("^[a-z][a-z0-9-]{0,63}$", ErrorMessage = "A department id is 1-64 lower-case letters, digits or dashes, starting with a letter.")]
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the English name.</summary>
    /// <value>The default value is an empty string, which fails validation.</value>
    [Required]
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the Hindi name.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? HindiName { get; set; }

    /// <summary>Gets the department's handles, with or without the leading <c>@</c>.</summary>
    /// <value>The default value is an empty list.</value>
    public IList<string> Handles { get; } = [];

    /// <summary>Gets the category ids the department owns.</summary>
    /// <value>The default value is an empty list.</value>
    public IList<string> Categories { get; } = [];

    /// <summary>
    /// Gets handles of the department's district offices (with or without the leading <c>@</c>), each mapped to the id of the
    /// gazetteer district it serves, for example <c>"lucknowpolice_Sample": "LKO"</c>. A district handle is also a handle of the
    /// department; addressing it implies the district unless the text names another place.
    /// </summary>
    /// <value>The default value is an empty dictionary.</value>
    public IDictionary<string, string> DistrictHandles { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the department's units inside districts (police stations, sub-divisions, tehsils), which routing recognizes by name.</summary>
    /// <value>The default value is an empty list.</value>
    [ValidateEnumeratedItems]
    public IList<UnitOptions> Units { get; } = [];

    /// <summary>Gets or sets the category used when nothing more specific is known.</summary>
    /// <value>The default value is <c>other</c>.</value>
    [Required]
    public string DefaultCategory { get; set; } = "other";

    /// <summary>
    /// Gets or sets a value indicating whether a citizen's follow-up reply that exposes personal data (a mobile, Aadhaar or
    /// PAN number, an e-mail address) is hidden on the channel. On X a desk can hide replies only in conversations it
    /// started; elsewhere X refuses and the hide action is kept as failed, with nothing else affected.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool HideRepliesWithPersonalData { get; set; }
}
