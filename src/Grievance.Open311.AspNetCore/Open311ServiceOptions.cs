using System.ComponentModel.DataAnnotations;

namespace Grievance.Open311;

/// <summary>One Open311 service: a <c>service_code</c> for one complaint category.</summary>
public sealed class Open311ServiceOptions
{
    /// <summary>Gets or sets the <c>service_code</c> (letters, digits, dots, dashes and underscores).</summary>
    /// <value>The default value is an empty string, which fails validation.</value>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", ErrorMessage = "A service code is 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit.")]
    public string Code { get; set; } = string.Empty;

    /// <summary>Gets or sets the <c>service_name</c>, for example <c>Street light not working</c>.</summary>
    /// <value>The default value is an empty string, which fails validation.</value>
    [Required]
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the <c>description</c> of the service type.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Description { get; set; }

    /// <summary>Gets or sets the <c>group</c> the service is listed under, for example <c>electricity</c>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Group { get; set; }

    /// <summary>Gets or sets the <c>keywords</c>, comma-separated synonyms of the name.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Keywords { get; set; }

    /// <summary>Gets or sets the complaint category the service stands for; each category has at most one service.</summary>
    /// <value>The default value is an empty string, which fails validation.</value>
    [Required]
    public string Category { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the department that takes requests posted for the service, or <see langword="null"/> for the department
    /// that owns <see cref="Category"/> (which then must be owned by one).
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Department { get; set; }

    /// <summary>Gets or sets the <c>service_notice</c> answered to a posted request and shown on its requests, for example the time limit.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ServiceNotice { get; set; }
}
