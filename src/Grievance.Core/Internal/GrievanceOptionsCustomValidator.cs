using Grievance.Complaints;
using Grievance.Routing;
using Grievance.ServiceDirectory;
using Grievance.Text;
using Microsoft.Extensions.Options;

namespace Grievance.Internal;

/// <summary>Cross-property rules of <see cref="GrievanceOptions"/> that attributes cannot express.</summary>
internal sealed class GrievanceOptionsCustomValidator : IValidateOptions<GrievanceOptions>
{
    private readonly Gazetteer _gazetteer;

    public GrievanceOptionsCustomValidator(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _gazetteer = gazetteer;
    }

    public ValidateOptionsResult Validate(string? name, GrievanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.OutboxMaxRetryDelay < options.OutboxRetryDelay)
        {
            failures.Add($"OutboxMaxRetryDelay ({options.OutboxMaxRetryDelay}) must not be less than OutboxRetryDelay ({options.OutboxRetryDelay}).");
        }

        for (var i = 0; i < options.UrgentCategories.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.UrgentCategories[i]))
            {
                failures.Add($"UrgentCategories[{i}] is empty.");
            }
        }


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

            foreach (var (handle, district) in department.DistrictHandles)
            {
                var normalized = NormalizeHandle(handle);
                if (normalized.Length == 0)
                {
                    failures.Add($"Departments[{i}] ('{department.Id}'): a district handle is empty.");
                    continue;
                }

                if (handles.TryGetValue(normalized, out var owner) && !string.Equals(owner, department.Id, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"Departments[{i}] ('{department.Id}'): the handle '@{normalized}' is already used by department '{owner}'.");
                }
                else
                {
                    handles[normalized] = department.Id;
                }

                if (!IsKnownDistrict(district))
                {
                    failures.Add($"Departments[{i}] ('{department.Id}'): the district handle '@{normalized}' names district '{district}', which the gazetteer of {_gazetteer.StateName} does not have.");
                }
            }

            for (var u = 0; u < department.Units.Count; u++)
            {
                var unit = department.Units[u];
                if (unit is not null && !string.IsNullOrWhiteSpace(unit.District) && !IsKnownDistrict(unit.District))
                {
                    failures.Add($"Departments[{i}] ('{department.Id}'): unit '{unit.Name}' names district '{unit.District}', which the gazetteer of {_gazetteer.StateName} does not have.");
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

        ValidateRouting(options, ids, failures);

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
        RequireCode(options.StatusReplyTemplateHindi, nameof(GrievanceOptions.StatusReplyTemplateHindi), failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateRouting(GrievanceOptions options, HashSet<string> departmentIds, List<string> failures)
    {
        var routing = options.Routing;
        for (var i = 0; i < routing.Rules.Count; i++)
        {
            var rule = routing.Rules[i];
            if (rule is null)
            {
                failures.Add($"Routing.Rules[{i}] is empty.");
                continue;
            }

            var prefix = $"Routing.Rules[{i}] ({rule.Kind})";
            if (rule.Keywords.Count == 0)
            {
                failures.Add($"{prefix}: the rule has no keywords.");
            }

            foreach (var keyword in rule.Keywords)
            {
                if (string.IsNullOrWhiteSpace(keyword) || TextNormalizer.ToMatchKey(keyword).Length == 0)
                {
                    failures.Add($"{prefix}: the keyword '{keyword}' has no letters or digits to match.");
                }
            }

            if (rule.Kind is RoutingRuleKind.Problem or RoutingRuleKind.Subject && string.IsNullOrWhiteSpace(rule.Category))
            {
                failures.Add($"{prefix}: a {rule.Kind} rule needs a Category.");
            }

            if (rule.Kind == RoutingRuleKind.Context && string.IsNullOrWhiteSpace(rule.Category) && string.IsNullOrWhiteSpace(rule.Department))
            {
                failures.Add($"{prefix}: a Context rule needs a Department or a Category.");
            }

            if (rule.Kind == RoutingRuleKind.NotAGrievance && string.IsNullOrWhiteSpace(rule.Reason))
            {
                failures.Add($"{prefix}: a NotAGrievance rule needs a Reason, which is recorded with the rejection.");
            }

            if (!string.IsNullOrWhiteSpace(rule.Department) && departmentIds.Count > 0 && !departmentIds.Contains(rule.Department.Trim()))
            {
                failures.Add($"{prefix}: the department '{rule.Department}' is not a configured department.");
            }
        }

        var precedence = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var category in routing.CategoryPrecedence)
        {
            if (string.IsNullOrWhiteSpace(category))
            {
                failures.Add("Routing.CategoryPrecedence: a category is empty.");
            }
            else if (!precedence.Add(category.Trim()))
            {
                failures.Add($"Routing.CategoryPrecedence: the category '{category.Trim()}' is listed more than once.");
            }
        }
    }

    private bool IsKnownDistrict(string? district) =>
        !string.IsNullOrWhiteSpace(district) && _gazetteer.FindDistrict(new DistrictId(district)) is not null;

    internal static string NormalizeHandle(string? handle) => (handle ?? string.Empty).Trim().TrimStart('@').Trim();

    private static void RequireCode(string? template, string property, List<string> failures)
    {
        if (template is not null && !template.Contains("{code}", StringComparison.Ordinal))
        {
            failures.Add($"{property}: the template must contain the '{{code}}' placeholder, so the citizen gets the code.");
        }
    }
}
