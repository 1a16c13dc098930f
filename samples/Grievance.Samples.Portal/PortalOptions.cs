using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Grievance.Samples.Portal;

/// <summary>The portal's settings: the <c>Portal</c> section of configuration.</summary>
public sealed class PortalOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Portal";

    /// <summary>Gets or sets the SQLite file complaints live in; relative to the content root.</summary>
    /// <value>The default value is <see langword="null"/>: <c>App_Data/portal.db</c> under the content root.</value>
    public string? Database { get; set; }

    /// <summary>Gets or sets how many complaints a queue page shows.</summary>
    /// <value>The default value is 20.</value>
    [Range(1, 500)]
    public int PageSize { get; set; } = 20;

    /// <summary>Gets or sets a value indicating whether intake runs over the fake X with the demo feed at start.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RunDemoIntake { get; set; } = true;

    /// <summary>Gets the officers who may sign in (sample-grade identity).</summary>
    [ValidateEnumeratedItems]
    public IList<OfficerOptions> Officers { get; } = [];
}

/// <summary>One officer who may sign in, with the scope of complaints they work on.</summary>
public sealed class OfficerOptions
{
    /// <summary>Gets or sets the sign-in name.</summary>
    [Required]
    public string UserName { get; set; } = string.Empty;

    /// <summary>Gets or sets the password (sample-grade: compared as a SHA-256 hash in constant time).</summary>
    [Required]
    public string Password { get; set; } = string.Empty;

    /// <summary>Gets or sets the name shown in the portal.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Gets or sets the department id (from the <c>Grievance</c> section).</summary>
    [Required]
    public string Department { get; set; } = string.Empty;

    /// <summary>Gets the district ids the officer works on; empty for every district of the department.</summary>
    public IList<string> Districts { get; } = [];

    /// <summary>Gets or sets a value indicating whether the officer belongs to the state cell and sees every department.</summary>
    public bool IsStateCell { get; set; }
}

/// <summary>Validates <see cref="PortalOptions"/> at start.</summary>
[OptionsValidator]
internal sealed partial class PortalOptionsValidator : IValidateOptions<PortalOptions>;

/// <summary>Rules across officers: user names are unique.</summary>
internal sealed class PortalOptionsCustomValidator : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        var duplicates = options.Officers
            .GroupBy(o => o.UserName, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        return duplicates.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Portal:Officers: the user names {string.Join(", ", duplicates)} appear more than once.");
    }
}
