using FluentValidation;
using Grievance;
using Grievance.Codes;
using Grievance.Codes.Internal;
using Grievance.DependencyInjection;
using Grievance.DependencyInjection.Internal;
using Grievance.Diagnostics.Internal;
using Grievance.Intake;
using Grievance.Intake.Internal;
using Grievance.Internal;
using Grievance.Notifications;
using Grievance.Notifications.Internal;
using Grievance.Queries;
using Grievance.Queries.Internal;
using Grievance.Routing;
using Grievance.Routing.Internal;
using Grievance.ServiceDirectory;
using Grievance.ServiceDirectory.Internal;
using Grievance.Storage;
using Grievance.Storage.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Entry points live in the DI namespace so they are found without a using (dotnet/extensions convention).
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers Grievance in a service collection.</summary>
public static class GrievanceServiceCollectionExtensions
{
    /// <summary>Adds Grievance with default options: in-memory store, embedded Uttar Pradesh gazetteer, rule-based routing with the embedded lexicon.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to add channels and storage to.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IGrievanceBuilder AddGrievance(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddGrievanceCore(static _ => { });
    }

    /// <summary>Adds Grievance and configures its options with a delegate.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A builder to add channels and storage to.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder AddGrievance(this IServiceCollection services, Action<GrievanceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddGrievanceCore(builder => builder.Configure(configure));
    }

    /// <summary>Adds Grievance and binds its options to a configuration section. Unknown keys fail at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section, conventionally <see cref="GrievanceOptions.SectionName"/>.</param>
    /// <returns>A builder to add channels and storage to.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder AddGrievance(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        return services.AddGrievanceCore(builder => builder.Bind(section, binder => binder.ErrorOnUnknownConfiguration = true));
    }

    private static GrievanceBuilder AddGrievanceCore(this IServiceCollection services, Action<OptionsBuilder<GrievanceOptions>> configure)
    {
        var options = services.AddOptionsWithValidateOnStart<GrievanceOptions>();
        configure(options);

        var builder = new GrievanceBuilder(services);
        if (services.Any(d => d.ServiceType == typeof(GrievanceMarkerService)))
        {
            return builder;
        }

        services.AddSingleton<GrievanceMarkerService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrievanceOptions>, GrievanceOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrievanceOptions>, GrievanceOptionsCustomValidator>());
        services.AddOptionsWithValidateOnStart<ComplaintCodeOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplaintCodeOptions>, ComplaintCodeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplaintCodeOptions>, ComplaintCodeOptionsCustomValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<GrievanceMetrics>();

        services.TryAddSingleton(_ => Gazetteer.UttarPradesh);
        services.TryAddSingleton<IServiceDirectory, ConfiguredServiceDirectory>();

        services.TryAddSingleton<InMemoryComplaintStore>();
        services.TryAddSingleton<IComplaintStore>(sp => sp.GetRequiredService<InMemoryComplaintStore>());
        services.TryAddSingleton<IOutboxStore>(sp => sp.GetRequiredService<InMemoryComplaintStore>());
        services.TryAddSingleton<ICheckpointStore>(sp => sp.GetRequiredService<InMemoryComplaintStore>());

        services.TryAddSingleton<ISourceLeaseProvider, InProcessSourceLeaseProvider>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidator<InboundMessage>, InboundMessageValidator>());
        services.TryAddSingleton<IMessageClassifier, DefaultMessageClassifier>();
        services.TryAddSingleton<IComplaintRouter, RuleBasedComplaintRouter>();
        services.TryAddSingleton<ISequenceSource, InMemorySequenceSource>();
        services.TryAddSingleton<IComplaintCodeGenerator, DefaultComplaintCodeGenerator>();
        services.TryAddSingleton<ICitizenReplyComposer, TemplateReplyComposer>();
        services.TryAddSingleton<IIntakePipeline, IntakePipeline>();
        services.TryAddSingleton<IOutboxDispatcher, OutboxDispatcher>();
        services.TryAddSingleton<IComplaintQueries, ScopedComplaintQueries>();
        LifecycleRegistration.AddLifecycleDefaults(services);
        CitizenLimitRegistration.AddCitizenLimitDefaults(services);
        return builder;
    }
}
