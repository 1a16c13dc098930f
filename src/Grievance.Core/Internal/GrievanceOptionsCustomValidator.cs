using Microsoft.Extensions.Options;

namespace Grievance.Internal;

/// <summary>Cross-property rules of <see cref="GrievanceOptions"/> that attributes cannot express.</summary>
internal sealed class GrievanceOptionsCustomValidator : IValidateOptions<GrievanceOptions>
{
    public ValidateOptionsResult Validate(string? name, GrievanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var handles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var categories = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Departments.Count; i++)
        {
            var department = options.Departments[i];
            if (department is null)
            {
                failures.Add($"Departments[{i}] is empty.");
                continue;
            }

            if (!string.IsNullOrWhiteSpace(department.Id) && !ids.Add(department.Id))
            {
                failures.Add($"Departments[{i}]: the department id '{department.Id}' is used by more than one department.");
            }

            foreach (var handle in department.Handles)
            {
                var normalized = NormalizeHandle(handle);
                if (normalized.Length == 0)
                {
                    failures.Add($"Departments[{i}] ('{department.Id}'): a handle is empty.");
                }
                else if (handles.TryGetValue(normalized, out var owner))
                {
                    failures.Add($"Departments[{i}] ('{department.Id}'): the handle '@{normalized}' is already used by department '{owner}'.");
                }
                else
                {
                    handles[normalized] = department.Id;
                }
            }

            foreach (var category in department.Categories)
            {
                if (string.IsNullOrWhiteSpace(category))
                {
                    failures.Add($"Departments[{i}] ('{department.Id}'): a category is empty.");
                }
                else if (categories.TryGetValue(category.Trim(), out var owner) && !string.Equals(owner, department.Id, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"Departments[{i}] ('{department.Id}'): the category '{category.Trim()}' is already owned by department '{owner}'.");
                }
                else
                {
                    categories[category.Trim()] = department.Id;
                }
            }
        }

        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            failures.Add($"TimeZone: '{options.TimeZone}' is not a time zone known to this machine.");
        }

        RequireCode(options.AcknowledgementTemplate, nameof(GrievanceOptions.AcknowledgementTemplate), failures);
        RequireCode(options.AcknowledgementTemplateHindi, nameof(GrievanceOptions.AcknowledgementTemplateHindi), failures);
        RequireCode(options.StatusReplyTemplate, nameof(GrievanceOptions.StatusReplyTemplate), failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static string NormalizeHandle(string? handle) => (handle ?? string.Empty).Trim().TrimStart('@').Trim();

    private static void RequireCode(string? template, string property, List<string> failures)
    {
        if (template is not null && !template.Contains("{code}", StringComparison.Ordinal))
        {
            failures.Add($"{property}: the template must contain the '{{code}}' placeholder, so the citizen gets the code.");
        }
    }
}
