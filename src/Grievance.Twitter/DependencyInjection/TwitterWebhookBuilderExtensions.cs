using Grievance.Twitter;
using Grievance.Twitter.DependencyInjection;
using Grievance.Twitter.Webhooks;
using Grievance.Twitter.Webhooks.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Builder extensions live beside IGrievanceBuilder so they are found with it.
namespace Grievance.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Adds X Account Activity webhooks to the X channel.</summary>
public static class TwitterWebhookBuilderExtensions
{
    /// <summary>
    /// Adds the webhook handler (<see cref="ITwitterWebhookHandler"/>): CRC answers, signature checks, and posts and
    /// direct messages into the intake pipeline. Needs <see cref="TwitterOptions.ConsumerSecret"/>, checked at start-up.
    /// Map it to a URL with <c>MapTwitterWebhook</c> from <c>Grievance.Twitter.AspNetCore</c>.
    /// </summary>
    /// <param name="builder">The X channel's builder.</param>
    /// <param name="configure">Configures the webhook options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ITwitterBuilder AddWebhooks(this ITwitterBuilder builder, Action<TwitterWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Grievance.Services.AddOptionsWithValidateOnStart<TwitterWebhookOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder.AddWebhooksCore();
    }

    /// <summary>Adds the webhook handler with options bound to a configuration section. Unknown keys fail at start-up.</summary>
    /// <param name="builder">The X channel's builder.</param>
    /// <param name="section">The section, conventionally <see cref="TwitterWebhookOptions.SectionName"/>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ITwitterBuilder AddWebhooks(this ITwitterBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Grievance.Services.AddOptionsWithValidateOnStart<TwitterWebhookOptions>().Bind(section, b => b.ErrorOnUnknownConfiguration = true);
        return builder.AddWebhooksCore();
    }

    private static ITwitterBuilder AddWebhooksCore(this ITwitterBuilder builder)
    {
        var services = builder.Grievance.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwitterWebhookOptions>, TwitterWebhookOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwitterOptions>, TwitterWebhookRequirementsValidator>());
        services.TryAddSingleton<ITwitterWebhookHandler, TwitterWebhookHandler>();
        return builder;
    }
}
