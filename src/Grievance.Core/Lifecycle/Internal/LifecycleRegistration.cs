using Grievance.Lifecycle;
using Grievance.Lifecycle.Internal;
using Grievance.Sla;
using Grievance.Sla.Internal;
using Grievance.Storage;
using Grievance.Storage.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grievance.DependencyInjection.Internal;

/// <summary>The lifecycle and time-limit defaults, registered by <c>AddGrievance</c>.</summary>
internal static class LifecycleRegistration
{
    public static void AddLifecycleDefaults(IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<LifecycleOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LifecycleOptions>, LifecycleOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LifecycleOptions>, LifecycleOptionsCustomValidator>());
        services.AddOptionsWithValidateOnStart<SlaOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlaOptions>, SlaOptionsCustomValidator>());

        services.TryAddSingleton<IComplaintLifecycleStore>(sp => sp.GetRequiredService<InMemoryComplaintStore>());
        services.TryAddSingleton<SlaPlanner>();
        services.TryAddSingleton<LifecycleReplies>();
        services.TryAddSingleton<ComplaintService>();
        services.TryAddSingleton<IComplaintService>(sp => sp.GetRequiredService<ComplaintService>());
        services.TryAddSingleton<IOfficerNotifier, LoggingOfficerNotifier>();
        services.TryAddSingleton<ISlaMonitor, SlaMonitor>();
    }
}
