using Microsoft.Extensions.Options;

namespace Grievance.Intake.Internal;

/// <summary>Source-generated validation of the DataAnnotations on <see cref="CitizenLimitOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class CitizenLimitOptionsValidator : IValidateOptions<CitizenLimitOptions>;

/// <summary>Rules of <see cref="CitizenLimitOptions"/> that attributes cannot express.</summary>
internal sealed class CitizenLimitOptionsCustomValidator : IValidateOptions<CitizenLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, CitizenLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (label, template) in new[]
        {
            (nameof(CitizenLimitOptions.HeldAcknowledgementTemplate), options.HeldAcknowledgementTemplate),
            (nameof(CitizenLimitOptions.HeldAcknowledgementTemplateHindi), options.HeldAcknowledgementTemplateHindi),
            (nameof(CitizenLimitOptions.ReleasedTemplate), options.ReleasedTemplate),
            (nameof(CitizenLimitOptions.ReleasedTemplateHindi), options.ReleasedTemplateHindi),
        })
        {
            if (template is not null && !template.Contains("{code}", StringComparison.Ordinal))
            {
                failures.Add($"{label}: the template must contain the '{{code}}' placeholder, so the citizen gets the code.");
            }
        }

        if (options.ExemptCategories.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("ExemptCategories: a category is empty.");
        }

        if (options.ExemptAccounts.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("ExemptAccounts: an account id is empty.");
        }
        else if (options.ExemptAccounts.FirstOrDefault(a => a.TrimStart().StartsWith('@')) is { } handle)
        {
            failures.Add($"ExemptAccounts: '{handle.Trim()}' looks like a handle; list the account's platform id (handles can change hands).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
