using Grievance.Sla;
using Microsoft.Extensions.Options;

namespace Grievance.Lifecycle.Internal;

/// <summary>Source-generated validation of the DataAnnotations on <see cref="LifecycleOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class LifecycleOptionsValidator : IValidateOptions<LifecycleOptions>;

/// <summary>Source-generated validation of the DataAnnotations on <see cref="SlaOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class SlaOptionsValidator : IValidateOptions<SlaOptions>;

/// <summary>Rules of <see cref="LifecycleOptions"/> that attributes cannot express.</summary>
internal sealed class LifecycleOptionsCustomValidator : IValidateOptions<LifecycleOptions>
{
    public ValidateOptionsResult Validate(string? name, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var property in typeof(LifecycleOptions).GetProperties().Where(p => p.Name.EndsWith("Template", StringComparison.Ordinal) || p.Name.EndsWith("TemplateHindi", StringComparison.Ordinal)))
        {
            if (property.GetValue(options) is string template && !template.Contains("{code}", StringComparison.Ordinal))
            {
                failures.Add($"{property.Name}: the template must contain the '{{code}}' placeholder, so the citizen gets the code.");
            }
        }

        foreach (var reason in options.RejectionReasons)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                failures.Add("RejectionReasons: a reason is empty.");
            }
            else if (reason.Contains("department", StringComparison.OrdinalIgnoreCase) || reason.Contains("विभाग", StringComparison.Ordinal))
            {
                failures.Add($"RejectionReasons: '{reason}' cannot be a rejection reason; a complaint for another department is transferred, not rejected.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Rules of <see cref="SlaOptions"/> that attributes cannot express.</summary>
internal sealed class SlaOptionsCustomValidator : IValidateOptions<SlaOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.WorkingDayEnd <= options.WorkingDayStart)
        {
            failures.Add($"WorkingDayEnd ({options.WorkingDayEnd}) must be after WorkingDayStart ({options.WorkingDayStart}).");
        }

        for (var i = 0; i < options.Policies.Count; i++)
        {
            var policy = options.Policies[i];
            if (policy is null)
            {
                failures.Add($"Policies[{i}] is empty.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(policy.Department) && string.IsNullOrWhiteSpace(policy.Category))
            {
                failures.Add($"Policies[{i}]: a policy needs a Department, a Category or both (the defaults are set on the section itself).");
            }

            foreach (var (label, value) in new[] { ("AcknowledgementTime", policy.AcknowledgementTime), ("InterimReplyTime", policy.InterimReplyTime), ("ResolutionTime", policy.ResolutionTime) })
            {
                if (value is { } span && span <= TimeSpan.Zero)
                {
                    failures.Add($"Policies[{i}]: {label} must be positive.");
                }
            }
        }

        if (options.EscalationLadder.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("EscalationLadder: a step is empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
