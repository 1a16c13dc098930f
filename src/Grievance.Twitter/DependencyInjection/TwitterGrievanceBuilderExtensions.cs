using Grievance.Intake;
using Grievance.Notifications;
using Grievance.Twitter;
using Grievance.Twitter.Auth;
using Grievance.Twitter.Auth.Internal;
using Grievance.Twitter.Diagnostics.Internal;
using Grievance.Twitter.DependencyInjection;
using Grievance.Twitter.Http;
using Grievance.Twitter.Http.Internal;
using Grievance.Twitter.Intake.Internal;
using Grievance.Twitter.Internal;
using Grievance.Twitter.Notifications.Internal;
using Grievance.Twitter.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Builder extensions live beside IGrievanceBuilder so they are found with it.
namespace Grievance.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Adds the X (Twitter) channel to Grievance.</summary>
public static class TwitterGrievanceBuilderExtensions
{
    /// <summary>Adds the X channel: mentions sources for each desk account, replies through the outbox, the typed API client.</summary>
    /// <param name="builder">The Grievance builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A builder to shape the X API client.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ITwitterBuilder AddTwitter(this IGrievanceBuilder builder, Action<TwitterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddTwitterCore(o => o.Configure(configure));
    }

    /// <summary>Adds the X channel with options bound to a configuration section. Unknown keys fail at start-up.</summary>
    /// <param name="builder">The Grievance builder.</param>
    /// <param name="section">The section, conventionally <see cref="TwitterOptions.SectionName"/>.</param>
    /// <returns>A builder to shape the X API client.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ITwitterBuilder AddTwitter(this IGrievanceBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        return builder.AddTwitterCore(o => o.Bind(section, b => b.ErrorOnUnknownConfiguration = true));
    }

    private static TwitterBuilder AddTwitterCore(this IGrievanceBuilder builder, Action<OptionsBuilder<TwitterOptions>> configure)
    {
        var services = builder.Services;
        configure(services.AddOptionsWithValidateOnStart<TwitterOptions>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwitterOptions>, TwitterOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwitterOptions>, TwitterOptionsCustomValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITokenStore, InMemoryTokenStore>();
        services.TryAddSingleton<OAuth2TokenManager>();
        services.TryAddTransient<TwitterAuthHandler>();
        services.TryAddSingleton<RateLimitTracker>();
        services.TryAddSingleton<ITwitterRateLimitProvider>(sp => sp.GetRequiredService<RateLimitTracker>());
        services.TryAddSingleton<TwitterMetrics>();
        services.TryAddTransient<TwitterGovernorHandler>();
        services.TryAddSingleton<TwitterHttpLogger>();
        var http = services.AddHttpClient<ITwitterApiClient, TwitterApiClient>((sp, client) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TwitterOptions>>().CurrentValue;
            client.BaseAddress = options.BaseAddress;

            // Each attempt is timed out by the governor on the TimeProvider (RequestTimeout); retries must not share one clock.
            client.Timeout = Timeout.InfiniteTimeSpan;
        }).RedactLoggedHeaders(name => name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            // The factory's default loggers write each request's URL, which may hold a citizen's user id or handle.
            .RemoveAllLoggers()
            .AddLogger<TwitterHttpLogger>(wrapHandlersPipeline: true);
        http.AddTwitterReadRetries();
        http.AddHttpMessageHandler<TwitterGovernorHandler>();

        // Authentication wraps the primary handler (see TwitterAuthHandlerFilter): below the request logger, the governor,
        // the read retries and the host's handlers, so every attempt is authenticated afresh and no log sees the header.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, TwitterAuthHandlerFilter>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IComplaintSourceProvider, TwitterMentionsSourceProvider>());
        services.TryAddSingleton<TwitterSearchSourceProvider>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICitizenNotifier, TwitterCitizenNotifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelMessagePolicy, TweetTextMessagePolicy>());
        return new TwitterBuilder(builder, http);
    }

    private sealed class TwitterBuilder(IGrievanceBuilder grievance, IHttpClientBuilder http) : ITwitterBuilder
    {
        public IGrievanceBuilder Grievance { get; } = grievance;

        public IHttpClientBuilder HttpClient { get; } = http;
    }

    private sealed class TwitterMentionsSourceProvider(IServiceProvider services, IOptionsMonitor<TwitterOptions> options, ILoggerFactory? loggers = null) : IComplaintSourceProvider
    {
        public IReadOnlyList<IComplaintSource> GetSources()
        {
            var value = options.CurrentValue;
            var logger = (ILogger?)loggers?.CreateLogger("Grievance.Twitter.Mentions") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
            return [
                .. value.Accounts.Select(a => new TwitterMentionsSource(services.GetRequiredService<ITwitterApiClient>(), a.UserId, value.MaxResults, logger, value.MentionsOverlap, services.GetService<TimeProvider>())),
                .. services.GetRequiredService<TwitterSearchSourceProvider>().GetSources(),
            ];
        }
    }
}
