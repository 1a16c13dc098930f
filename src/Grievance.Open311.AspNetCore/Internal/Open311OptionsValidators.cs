using Grievance.Complaints;
using Grievance.ServiceDirectory;
using Microsoft.Extensions.Options;

namespace Grievance.Open311.Internal;

/// <summary>Source-generated validation of the DataAnnotations on <see cref="Open311Options"/> and its services.</summary>
[OptionsValidator]
internal sealed partial class Open311OptionsValidator : IValidateOptions<Open311Options>;

/// <summary>Rules across properties and against the service directory: unique codes and categories, known departments, strong keys.</summary>
internal sealed class Open311OptionsCustomValidator(IServiceDirectory directory) : IValidateOptions<Open311Options>
{
    /// <summary>The shortest API key accepted.</summary>
    public const int MinApiKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, Open311Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Services.Count == 0)
        {
            failures.Add("Open311 needs at least one service (Services), each mapping a category to a service_code.");
        }

        if (options.Department is { } feed && !IsDepartment(feed))
        {
            failures.Add($"Open311 Department '{feed}' is not a configured department.");
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var categories = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Services.Count; i++)
        {
            var service = options.Services[i];
            if (service is null)
            {
                failures.Add($"Open311 Services[{i}] is missing.");
                continue;
            }

            if (!string.IsNullOrWhiteSpace(service.Code) && !codes.Add(service.Code))
            {
                failures.Add($"Open311 Services[{i}]: service code '{service.Code}' is listed twice.");
            }

            if (string.IsNullOrWhiteSpace(service.Category))
            {
                continue;
            }

            if (!categories.Add(service.Category.Trim()))
            {
                failures.Add($"Open311 Services[{i}]: category '{service.Category}' already has a service; each category has at most one.");
            }

            if (service.Department is { } department)
            {
                if (!IsDepartment(department))
                {
                    failures.Add($"Open311 Services[{i}]: department '{department}' is not a configured department.");
                }
            }
            else if (directory.FindDepartmentByCategory(new CategoryId(service.Category)) is null)
            {
                failures.Add($"Open311 Services[{i}]: no department owns category '{service.Category}'; set the service's Department.");
            }
        }

        foreach (var (client, key) in options.ApiKeys)
        {
            if (string.IsNullOrWhiteSpace(client))
            {
                failures.Add("Open311 ApiKeys has a client without a name.");
            }
            else if (key is null || key.Length < MinApiKeyLength || key.Any(char.IsWhiteSpace))
            {
                failures.Add($"Open311 ApiKeys['{client}'] is shorter than {MinApiKeyLength} characters or contains white space.");
            }
        }

        var keys = options.ApiKeys.Values.Where(k => k is not null).ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            failures.Add("Open311 ApiKeys: two clients share a key; give each client its own.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        bool IsDepartment(string id) =>
            !string.IsNullOrWhiteSpace(id) && directory.Departments.Any(d => string.Equals(d.Id.Value, id.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
