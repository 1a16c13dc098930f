using Grievance.ServiceDirectory;
using Microsoft.Extensions.Options;

namespace Grievance.Codes.Internal;

/// <summary>Rules of <see cref="ComplaintCodeOptions"/> that need the time zones of the machine or the gazetteer.</summary>
internal sealed class ComplaintCodeOptionsCustomValidator : IValidateOptions<ComplaintCodeOptions>
{
    private readonly Gazetteer _gazetteer;

    public ComplaintCodeOptionsCustomValidator(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _gazetteer = gazetteer;
    }

    public ValidateOptionsResult Validate(string? name, ComplaintCodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.TimeZone is not null)
        {
            try
            {
                _ = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
            {
                failures.Add($"TimeZone: '{options.TimeZone}' is not a time zone known to this machine.");
            }
        }

        foreach (var district in _gazetteer.Districts)
        {
            if (!ComplaintCode.IsValidScope(district.Id.Value))
            {
                failures.Add($"The gazetteer's district id '{district.Id}' ({district.Name}) cannot head complaint codes: a code's scope is exactly {ComplaintCode.ScopeLength} letters A-Z.");
            }
            else if (string.Equals(district.Id.Value, options.TriageScope, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"TriageScope: '{options.TriageScope}' is the id of the district {district.Name}; complaints without a district would share its codes.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
