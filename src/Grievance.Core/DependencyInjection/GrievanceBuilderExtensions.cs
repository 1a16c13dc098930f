using Microsoft.Extensions.DependencyInjection;
using FluentValidation;
using Grievance.Codes;
using Grievance.Codes.Internal;
using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Routing;
using Grievance.ServiceDirectory;
using Grievance.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grievance.DependencyInjection;

/// <summary>Replaces Grievance's defaults. Each method replaces one part explicitly; registration order does not matter.</summary>
public static class GrievanceBuilderExtensions
{
    /// <summary>
    /// Replaces the store of complaints, outbox and checkpoints with <typeparamref name="TStore"/> (one singleton serving all three),
    /// and the lifecycle store when <typeparamref name="TStore"/> implements <see cref="IComplaintLifecycleStore"/>.
    /// </summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IGrievanceBuilder UseStore<TStore>(this IGrievanceBuilder builder)
        where TStore : class, IComplaintStore, IOutboxStore, ICheckpointStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<TStore>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IComplaintStore>(sp => sp.GetRequiredService<TStore>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<IOutboxStore>(sp => sp.GetRequiredService<TStore>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<ICheckpointStore>(sp => sp.GetRequiredService<TStore>()));
        builder.Services.Replace(typeof(IComplaintLifecycleStore).IsAssignableFrom(typeof(TStore))
            ? ServiceDescriptor.Singleton<IComplaintLifecycleStore>(sp => (IComplaintLifecycleStore)sp.GetRequiredService<TStore>())
            : ServiceDescriptor.Singleton<IComplaintLifecycleStore>(_ => new Storage.Internal.UnsupportedLifecycleStore(typeof(TStore).Name)));
        return builder;
    }

    /// <summary>Replaces the router.</summary>
    /// <typeparam name="TRouter">The router type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IGrievanceBuilder UseRouter<TRouter>(this IGrievanceBuilder builder)
        where TRouter : class, IComplaintRouter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IComplaintRouter, TRouter>());
        return builder;
    }

    /// <summary>Replaces the complaint code generator.</summary>
    /// <typeparam name="TGenerator">The generator type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IGrievanceBuilder UseCodeGenerator<TGenerator>(this IGrievanceBuilder builder)
        where TGenerator : class, IComplaintCodeGenerator
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IComplaintCodeGenerator, TGenerator>());
        return builder;
    }

    /// <summary>Configures the format and issuing of complaint codes. The options are validated at start-up.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder ConfigureCodes(this IGrievanceBuilder builder, Action<ComplaintCodeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<ComplaintCodeOptions>().Configure(configure);
        return builder;
    }

    /// <summary>Binds the options of complaint codes to a configuration section. Unknown keys fail at start-up.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section, conventionally <see cref="ComplaintCodeOptions.SectionName"/>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder ConfigureCodes(this IGrievanceBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptionsWithValidateOnStart<ComplaintCodeOptions>().Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        return builder;
    }

    /// <summary>
    /// Replaces the source of code sequence numbers (in memory by default) with <typeparamref name="TSource"/>, which
    /// must never return a number twice for a scope, across processes and restarts.
    /// </summary>
    /// <typeparam name="TSource">The source type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IGrievanceBuilder UseSequenceSource<TSource>(this IGrievanceBuilder builder)
        where TSource : class, ISequenceSource
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<ISequenceSource, TSource>());
        return builder;
    }

    /// <summary>
    /// Takes code sequence numbers from blocks that <typeparamref name="TAllocator"/> reserves in shared storage (hi/lo):
    /// one round trip per <see cref="ComplaintCodeOptions.SequenceBlockSize"/> codes. Replaces the sequence source.
    /// </summary>
    /// <typeparam name="TAllocator">The allocator type, typically backed by a database.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IGrievanceBuilder UseSequenceBlocks<TAllocator>(this IGrievanceBuilder builder)
        where TAllocator : class, ISequenceBlockAllocator
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<TAllocator>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ISequenceBlockAllocator>(sp => sp.GetRequiredService<TAllocator>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<ISequenceSource, HiLoSequenceSource>());
        return builder;
    }

    /// <summary>Replaces the place data (the embedded Uttar Pradesh gazetteer by default).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="gazetteer">The gazetteer.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IGrievanceBuilder UseGazetteer(this IGrievanceBuilder builder, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(gazetteer);
        builder.Services.Replace(ServiceDescriptor.Singleton(gazetteer));
        return builder;
    }

    /// <summary>Adds a validation rule set for inbound messages; its failures are recorded as rejection reasons.</summary>
    /// <typeparam name="TValidator">The validator type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IGrievanceBuilder AddMessageValidator<TValidator>(this IGrievanceBuilder builder)
        where TValidator : class, IValidator<InboundMessage>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidator<InboundMessage>, TValidator>());
        return builder;
    }

    /// <summary>Adds a channel's message policy (how long inbound text may be, how replies are fitted).</summary>
    /// <typeparam name="TPolicy">The policy type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IGrievanceBuilder AddChannelPolicy<TPolicy>(this IGrievanceBuilder builder)
        where TPolicy : class, IChannelMessagePolicy
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelMessagePolicy, TPolicy>());
        return builder;
    }

    /// <summary>Adds a channel's notifier, which the outbox dispatcher sends that channel's messages through.</summary>
    /// <typeparam name="TNotifier">The notifier type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IGrievanceBuilder AddNotifier<TNotifier>(this IGrievanceBuilder builder)
        where TNotifier : class, ICitizenNotifier
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ICitizenNotifier, TNotifier>());
        return builder;
    }
}
