using Grievance.Lifecycle;
using Grievance.Sla;
using Grievance.Sla.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Grievance.DependencyInjection;

/// <summary>Configures the lifecycle (transfers, rejections, feedback, limits, retention, reply texts) and time limits.</summary>
public static class LifecycleGrievanceBuilderExtensions
{
    /// <summary>Configures the lifecycle rules. The options are validated at start-up.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder ConfigureLifecycle(this IGrievanceBuilder builder, Action<LifecycleOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<LifecycleOptions>().Configure(configure);
        return builder;
    }

    /// <summary>Binds the lifecycle rules to a configuration section. Unknown keys fail at start-up.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section, conventionally <see cref="LifecycleOptions.SectionName"/>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder ConfigureLifecycle(this IGrievanceBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptionsWithValidateOnStart<LifecycleOptions>().Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return builder;
    }

    /// <summary>Configures the time limits, working calendar and escalation ladder. The options are validated at start-up.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder ConfigureSla(this IGrievanceBuilder builder, Action<SlaOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<SlaOptions>().Configure(configure);
        return builder;
    }

    /// <summary>Binds the time limits to a configuration section. Unknown keys fail at start-up.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section, conventionally <see cref="SlaOptions.SectionName"/>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder ConfigureSla(this IGrievanceBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptionsWithValidateOnStart<SlaOptions>().Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return builder;
    }

    /// <summary>Replaces the officer notifier (by default notices are only logged, with ids and codes).</summary>
    /// <typeparam name="TNotifier">The notifier type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IGrievanceBuilder UseOfficerNotifier<TNotifier>(this IGrievanceBuilder builder)
        where TNotifier : class, IOfficerNotifier
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IOfficerNotifier, TNotifier>());
        return builder;
    }

    /// <summary>
    /// Runs the time-limit monitor as a hosted service every <see cref="SlaOptions.MonitorInterval"/>. Without it, call
    /// <see cref="ISlaMonitor.RunOnceAsync"/> yourself. With several workers on one shared store, run it in one of them.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IGrievanceBuilder AddSlaMonitor(this IGrievanceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SlaMonitorService>());
        return builder;
    }
}
