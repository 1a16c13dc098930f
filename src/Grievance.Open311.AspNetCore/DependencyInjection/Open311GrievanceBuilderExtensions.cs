using Grievance.Notifications;
using Grievance.Open311;
using Grievance.Open311.Internal;
using Grievance.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Builder extensions live beside IGrievanceBuilder so they are found with it.
namespace Grievance.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Adds the Open311 GeoReport v2 channel to Grievance.</summary>
public static class Open311GrievanceBuilderExtensions
{
    /// <summary>
    /// Adds what <c>MapOpen311</c> needs: the validated <see cref="Open311Options"/> (checked at start-up), routing of posted
    /// requests by their service, and the channel's notifier (the answer to the POST is the acknowledgement).
    /// </summary>
    /// <param name="builder">The Grievance builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder AddOpen311(this IGrievanceBuilder builder, Action<Open311Options> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<Open311Options>().Configure(configure);
        return builder.AddOpen311Core();
    }

    /// <summary>Adds the Open311 channel with options bound to a configuration section. Unknown keys fail at start-up.</summary>
    /// <param name="builder">The Grievance builder.</param>
    /// <param name="section">The section, conventionally <see cref="Open311Options.SectionName"/>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder AddOpen311(this IGrievanceBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptionsWithValidateOnStart<Open311Options>().Bind(section, b => b.ErrorOnUnknownConfiguration = true);
        return builder.AddOpen311Core();
    }

    private static IGrievanceBuilder AddOpen311Core(this IGrievanceBuilder builder)
    {
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Open311Options>, Open311OptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Open311Options>, Open311OptionsCustomValidator>());
        services.TryAddSingleton<Open311Catalog>();
        services.TryAddSingleton(sp => new Open311RequestMapper(
            sp.GetRequiredService<Open311Catalog>(),
            TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<GrievanceOptions>>().Value.TimeZone)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICitizenNotifier, Open311Notifier>());

        // Wrap the router registered so far (the default or the department's own) once, so posted requests keep their service.
        if (!services.Any(d => d.ServiceType == typeof(Open311RouterMarker)))
        {
            services.AddSingleton<Open311RouterMarker>();
            var inner = services.LastOrDefault(d => d.ServiceType == typeof(IComplaintRouter) && !d.IsKeyedService)
                ?? throw new InvalidOperationException("AddOpen311 needs a complaint router: call it on the builder AddGrievance returns.");
            services.Replace(ServiceDescriptor.Describe(
                typeof(IComplaintRouter),
                sp => new Open311ServiceRouter(Create(sp, inner), sp.GetRequiredService<Open311Catalog>()),
                inner.Lifetime));
        }

        return builder;
    }

    private static IComplaintRouter Create(IServiceProvider provider, ServiceDescriptor descriptor) => (IComplaintRouter)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    /// <summary>Marks that the router is wrapped, so a second <c>AddOpen311</c> does not wrap it twice.</summary>
    private sealed class Open311RouterMarker;
}
