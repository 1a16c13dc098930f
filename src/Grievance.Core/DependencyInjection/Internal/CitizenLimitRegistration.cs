using Grievance.Intake;
using Grievance.Intake.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grievance.DependencyInjection.Internal;

/// <summary>The per-citizen limit defaults, registered by <c>AddGrievance</c>.</summary>
internal static class CitizenLimitRegistration
{
    public static void AddCitizenLimitDefaults(IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<CitizenLimitOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CitizenLimitOptions>, CitizenLimitOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CitizenLimitOptions>, CitizenLimitOptionsCustomValidator>());
        services.TryAddSingleton<CitizenLimiter>();
    }
}
